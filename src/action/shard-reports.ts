/**
 * The `merge` input: find this run's artifacts whose names match a pattern (the shard jobs'
 * uploads), download each through the artifact client, unpack it under our own rules, and read
 * every JSON report in it. Which reports make a complete set is the merge's business
 * (gate/merge.ts); here only what the artifacts hold.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';
import type { ShardReportFile } from '../gate/merge.js';
import { readReport } from '../gate/report.js';
import { ArtifactError, downloadArtifactFile } from './dataset-source.js';
import { DEFAULT_UNPACK_LIMITS, UnpackError, unpackArchive, type UnpackLimits } from './unpack.js';

/** An artifact name pattern: `*` matches any run of characters, `?` one character, the rest itself. */
function artifactPattern(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`));
  return new RegExp(`^${body}$`, 's');
}

export interface DownloadedReports {
  files: ShardReportFile[];
  /** The artifacts that matched, by name. */
  artifacts: string[];
}

const firstLine = (s: string): string => s.split('\n')[0]!.trim();

export async function downloadShardReports(
  pattern: string,
  tempDir: string,
  limits: UnpackLimits = DEFAULT_UNPACK_LIMITS,
): Promise<DownloadedReports> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    throw new ArtifactError(
      `Input 'merge': the artifact service is not available here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL unset): run inside a GitHub Actions job, or merge report files with episode-gate merge`,
    );
  }
  const client = new DefaultArtifactClient();
  let listed;
  try {
    // latest: a re-run job's upload replaces its earlier one of the same name.
    ({ artifacts: listed } = await client.listArtifacts({ latest: true }));
  } catch (e) {
    throw new ArtifactError(`Input 'merge': could not list this run's artifacts: ${firstLine((e as Error).message)}`);
  }
  const re = artifactPattern(pattern);
  const matched = listed.filter((a) => re.test(a.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (matched.length === 0) {
    const names = listed.map((a) => a.name).sort();
    const has = names.length === 0 ? 'it has none' : `it has ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', ...' : ''}`;
    throw new ArtifactError(
      `Input 'merge': no artifact of this run matches '${pattern}' (${has}): check the pattern, and that the shard jobs ran before this one (needs:) and uploaded their reports`,
    );
  }
  const files: ShardReportFile[] = [];
  for (const a of matched) {
    const label = `artifact '${a.name}'`;
    core.info(`Downloading ${label} (id ${a.id}, ${a.size} bytes)`);
    const file = await downloadArtifactFile(
      client,
      a,
      {},
      tempDir,
      label,
      (e) => new ArtifactError(`${label}: could not download it: ${firstLine((e as Error).message)}`),
    );
    const unpacked = await mkdtemp(path.join(tempDir, 'episode-gate-shard-report-'));
    try {
      await unpackArchive(file, unpacked, limits);
    } catch (e) {
      if (e instanceof UnpackError) throw new ArtifactError(`${label} was refused: ${e.message.replace(/^[^:]*: /, '')}`);
      throw e;
    }
    const reports = await jsonFiles(unpacked);
    if (reports.length === 0) {
      throw new ArtifactError(
        `${label} matches '${pattern}' but holds no *.json report: narrow the pattern to the shard reports' artifacts`,
      );
    }
    for (const rel of reports) {
      const name = reports.length === 1 ? label : `${label}: ${rel}`;
      files.push({ report: readReport(path.join(unpacked, rel), name), name });
    }
  }
  return { files, artifacts: matched.map((a) => a.name) };
}

/** *.json files under dir (relative paths, sorted). */
export async function jsonFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(path.join(dir, rel), { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await jsonFiles(dir, r)));
    else if (e.isFile() && e.name.endsWith('.json')) out.push(r);
  }
  return out;
}
