/** Uploading the JSON report as an artifact of this run (the `upload-report` input). */
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';

export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface UploadedReport {
  id: number | undefined;
  size: number | undefined;
}

export async function uploadReport(name: string, reportPath: string): Promise<UploadedReport> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    throw new UploadError(
      `Input 'upload-report': the artifact service is not available here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL unset): run inside a GitHub Actions job, or leave upload-report empty`,
    );
  }
  try {
    const r = await new DefaultArtifactClient().uploadArtifact(name, [reportPath], path.dirname(reportPath));
    return { id: r.id, size: r.size };
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0]!.trim();
    const hint = /already exists|Conflict|409/i.test(msg)
      ? ': artifact names must be unique within a run; choose another upload-report name'
      : '';
    throw new UploadError(`Input 'upload-report': could not upload the report as artifact '${name}': ${msg}${hint}`);
  }
}
