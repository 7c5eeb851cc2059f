/** Uploading the JSON report as an artifact of this run (the `upload-report` input). */
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { ConfigError } from '../shared/errors.js';

export class UploadError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface UploadedReport {
  id: number | undefined;
  size: number | undefined;
}

export interface UploadContext {
  /** The input that asked for the upload, named in messages. */
  input: string;
  /** What to do when the name is taken. */
  nameTaken: string;
  /** What to do when there is no artifact service. */
  noService: string;
}

const UPLOAD_REPORT: UploadContext = {
  input: 'upload-report',
  nameTaken: 'artifact names must be unique within a run; choose another upload-report name',
  noService: 'leave upload-report empty',
};

/** Throws when there is no artifact service to upload to (not inside a job). */
export function requireArtifactService(ctx: UploadContext = UPLOAD_REPORT): void {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    throw new UploadError(
      `Input '${ctx.input}': the artifact service is not available here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL unset): run inside a GitHub Actions job, or ${ctx.noService}`,
    );
  }
}

export async function uploadReport(name: string, reportPath: string, ctx: UploadContext = UPLOAD_REPORT): Promise<UploadedReport> {
  requireArtifactService(ctx);
  try {
    const r = await new DefaultArtifactClient().uploadArtifact(name, [reportPath], path.dirname(reportPath));
    return { id: r.id, size: r.size };
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0]!.trim();
    const hint = /already exists|Conflict|409/i.test(msg) ? `: ${ctx.nameTaken}` : '';
    throw new UploadError(`Input '${ctx.input}': could not upload the report as artifact '${name}': ${msg}${hint}`);
  }
}
