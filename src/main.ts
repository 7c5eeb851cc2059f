/**
 * The Action: inputs -> settings -> dataset -> gate -> outputs, summary, annotations, and the
 * optional report artifact and PR comment. In a matrix, `shard` scans one shard and uploads its
 * partial report instead of gating, and `merge` gates the merged shard reports in place of a
 * scan. Every failure ends as one line in setFailed.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { capJobs } from './dataset/pool.js';
import { ConfigError } from './gate/errors.js';
import { mergeShardReports } from './gate/merge.js';
import { writeReport, type Report } from './gate/report.js';
import { gateReport, runGate, scanToReport, type GateOutcome } from './gate/run.js';
import { commentBody, pullRequestOfRun, upsertComment } from './action/comment.js';
import { ArtifactError, resolveDataset, type ResolvedDataset } from './action/dataset-source.js';
import { InputError, readActionSettings, type ActionSettings, type RunMode } from './action/inputs.js';
import {
  SUMMARY_LIMIT_BYTES,
  annotateRegressions,
  noteImprovements,
  oneLine,
  setGateOutputs,
  setShardOutputs,
  writeSummary,
} from './action/outputs.js';
import { UploadError, requireArtifactService, uploadReport, type UploadContext } from './action/report-upload.js';
import { downloadShardReports } from './action/shard-reports.js';
import { UnpackError } from './action/unpack.js';

/** Room left in the 1 MiB summary for the lines the Action adds under the gate's markdown. */
const SUMMARY_FOOTER_BYTES = 16 * 1024;

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readActionSettings((name) => core.getInput(name), env, bundledDatasetRoot());
    const { mode } = settings;
    if (mode.kind === 'merge') {
      await reportFolder(settings);
      await mergeAndGate(settings, mode);
      return;
    }
    const dataset = await resolveDataset(settings.dataset!, settings.tempDir);
    core.info(
      `episode-gate: scanning ${mode.kind === 'shard' ? `shard ${mode.shard.index}/${mode.shard.count} of ` : ''}${dataset.description}`,
    );
    await reportFolder(settings);
    if (mode.kind === 'shard') {
      await scanShard(settings, mode, dataset);
      return;
    }
    const outcome = await runGate({ ...scanInputs(settings, dataset), ...gateInputs(settings) });
    await publish(outcome, settings, dataset.description);
  } catch (e) {
    const message = describeFailure(e);
    if (core.isDebug() && e instanceof Error && e.stack) core.debug(e.stack);
    await writeSummary(`**episode-gate could not run:** ${escapeMarkdown(message)}\n`);
    core.setFailed(message);
  }
}

/** What a scan takes from the inputs, for a whole run and for a shard alike. */
function scanInputs(settings: ActionSettings, dataset: ResolvedDataset) {
  return {
    indexPath: dataset.indexPath,
    episodesRoot: dataset.episodesRoot,
    ...(settings.settingsPath ? { settingsPath: settings.settingsPath } : {}),
    ...(settings.reasons ? { reasons: settings.reasons } : {}),
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.followOutsideLinks ? { followOutsideLinks: true } : {}),
    ...(settings.jobs ? { jobs: cappedJobs(settings.jobs) } : {}),
    cwd: settings.workspace,
    onProgress: progressLogger(),
  };
}

/** The `jobs` input, capped at a multiple of the runner's cores (with a notice when it is). */
function cappedJobs(jobs: number): number {
  const capped = capJobs(jobs);
  if (capped.note) core.notice(`Input 'jobs': ${capped.note}`);
  return capped.jobs;
}

/** What gating takes from the inputs, after a scan or a merge alike. */
function gateInputs(settings: ActionSettings) {
  return {
    ...(settings.baselinePath ? { baselinePath: settings.baselinePath } : {}),
    failOn: settings.failOn,
    reportPath: settings.reportPath,
    summaryLimitBytes: SUMMARY_LIMIT_BYTES - SUMMARY_FOOTER_BYTES,
    reportHint: settings.uploadReport ? `the artifact ${settings.uploadReport}` : settings.reportPath,
    cwd: settings.workspace,
  };
}

async function reportFolder(settings: ActionSettings): Promise<void> {
  await mkdir(path.dirname(settings.reportPath), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(
      'report',
      `needs the folder ${path.dirname(settings.reportPath)}, which cannot be made (${e.code ?? e.message}): give a writable path`,
    );
  });
}

/** One matrix job: scan the shard, write and upload its partial report; the merge job gates. */
async function scanShard(settings: ActionSettings, mode: Extract<RunMode, { kind: 'shard' }>, dataset: ResolvedDataset): Promise<void> {
  const k = `${mode.shard.index}/${mode.shard.count}`;
  const upload: UploadContext = {
    input: 'shard',
    nameTaken: `another job of this run already uploaded shard ${k}: give each matrix job its own K, or another upload-report prefix`,
    noService: 'scan shards with episode-gate scan --shard K/N and merge them with episode-gate merge',
  };
  // A shard's report is only of use uploaded: no scan when it cannot be.
  requireArtifactService(upload);
  const report = await scanToReport({ ...scanInputs(settings, dataset), shard: mode.shard });
  writeReport(settings.reportPath, report);
  setShardOutputs(report, settings.reportPath, mode.artifact);
  const { counts } = report;
  core.info(
    `episode-gate: shard ${k}: scanned ${counts.scanned}, kept ${counts.kept}, flagged ${counts.flagged}; report at ${settings.reportPath}`,
  );
  let uploadFailure: string | null = null;
  try {
    await uploadReport(mode.artifact, settings.reportPath, upload);
    core.info(`episode-gate: shard report uploaded as artifact '${mode.artifact}'`);
  } catch (e) {
    uploadFailure = describeFailure(e);
  }
  await writeSummary(shardSummary(report, mode, dataset.description, uploadFailure));
  if (uploadFailure) core.setFailed(uploadFailure);
}

function shardSummary(report: Report, mode: Extract<RunMode, { kind: 'shard' }>, dataset: string, uploadFailure: string | null): string {
  const { counts, shard } = report;
  const k = `${mode.shard.index}/${mode.shard.count}`;
  const rows = report.episodes.length + report.missing_tarballs.length + report.index_problems.length;
  const lines = [
    `### ℹ️ episode-gate: shard ${k} scanned, not gated — ${counts.scanned} scanned, ${counts.kept} kept, ${counts.flagged} flagged`,
    '',
    `This shard holds ${rows} of the dataset's ${shard?.index_rows ?? '?'} index rows. ` +
      (uploadFailure
        ? `Its report could not be uploaded: ${escapeMarkdown(uploadFailure)}`
        : `Its report is the artifact \`${escapeMarkdown(mode.artifact)}\`; the job with \`merge:\` merges the reports of all ${mode.shard.count} shards and gates the whole dataset.`),
    '',
    `<sub>Dataset: ${escapeMarkdown(dataset)}, fingerprint ${escapeMarkdown(report.dataset.fingerprint.replace(/^sha256:/, '').slice(0, 12))}.</sub>`,
    '',
  ];
  return lines.join('\n');
}

/** The gate job of a matrix: download the shard reports, merge them, gate the whole as a single scan would be. */
async function mergeAndGate(settings: ActionSettings, mode: Extract<RunMode, { kind: 'merge' }>): Promise<void> {
  let description = '';
  const outcome = await gateReport(async () => {
    const got = await downloadShardReports(mode.pattern, settings.tempDir);
    core.info(`episode-gate: merging ${got.files.length} shard report(s) from ${got.artifacts.join(', ')}`);
    const merged = mergeShardReports(got.files);
    const names = got.artifacts.length > 2 ? `${got.artifacts[0]} … ${got.artifacts.at(-1)}` : got.artifacts.join(' and ');
    description = `${got.files.length} shard reports merged from this run's artifacts ${names}`;
    return merged;
  }, gateInputs(settings));
  await publish(outcome, settings, description);
}

async function publish(outcome: GateOutcome, settings: ActionSettings, dataset: string): Promise<void> {
  setGateOutputs(outcome, settings.reportPath);
  const { counts } = outcome.report;
  core.info(
    `episode-gate: scanned ${counts.scanned}, kept ${counts.kept}, flagged ${counts.flagged}; ` +
      `${outcome.regressions.length} regression(s), ${outcome.improvements.length} improvement(s); report at ${settings.reportPath}`,
  );
  const footer = [`Dataset: ${escapeMarkdown(dataset)}.`];

  let uploadFailure: string | null = null;
  if (settings.uploadReport) {
    try {
      const up = await uploadReport(settings.uploadReport, settings.reportPath);
      footer.push(`JSON report: artifact \`${settings.uploadReport}\`${up.id !== undefined ? ` (id ${up.id})` : ''}.`);
      core.info(`episode-gate: report uploaded as artifact '${settings.uploadReport}'`);
    } catch (e) {
      uploadFailure = describeFailure(e);
    }
  }
  const summary = `${outcome.markdown.trimEnd()}\n\n<sub>${footer.join(' ')}</sub>\n`;
  await writeSummary(summary);

  if (settings.comment && settings.githubToken) {
    const pr = pullRequestOfRun(process.env);
    if (!pr) core.info('episode-gate: not a pull_request event; no PR comment posted');
    else {
      const r = await upsertComment(settings.githubToken, pr, commentBody(summary, runUrl(process.env)));
      if (r.action === 'failed') core.warning(r.why, { title: 'episode-gate: no PR comment' });
      else if (r.action !== 'skipped') core.info(`episode-gate: PR comment ${r.action}: ${r.url}`);
    }
  }

  // setFailed adds one error annotation, and a failed upload one more: keep room for them.
  const failing = !outcome.passed || uploadFailure !== null;
  annotateRegressions(outcome.regressions, failing, (failing ? 1 : 0) + (!outcome.passed && uploadFailure ? 1 : 0));
  noteImprovements(outcome.improvements);
  if (!outcome.passed) {
    if (uploadFailure) core.error(uploadFailure);
    core.setFailed(`episode-gate: ${oneLine(outcome.failReason ?? 'the gate failed')}`);
  } else if (uploadFailure) core.setFailed(uploadFailure);
}

/** One line for setFailed: what went wrong and what to do; never a stack trace. */
export function describeFailure(e: unknown): string {
  if (e instanceof InputError || e instanceof ArtifactError || e instanceof UploadError) return oneLine(e.message);
  if (e instanceof UnpackError) return oneLine(`the dataset snapshot was refused: ${e.message}`);
  if (e instanceof ConfigError) return oneLine(`episode-gate: ${e.message}`);
  const err = e instanceof Error ? e : new Error(String(e));
  return oneLine(`episode-gate broke (a bug, not a gate result): ${err.name}: ${err.message}`);
}

/** The fixture dataset shipped next to the bundle (dist/../fixtures/dataset), or next to src/. */
function bundledDatasetRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3; i++) {
    const candidate = path.join(dir, '..', 'fixtures', 'dataset');
    if (existsSync(path.join(candidate, 'index.jsonl'))) return path.resolve(candidate);
    dir = path.dirname(dir);
  }
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'dataset');
}

function progressLogger(): (done: number, total: number) => void {
  let lastTenth = 0;
  return (done, total) => {
    const tenth = Math.floor((done * 10) / Math.max(total, 1));
    if (tenth > lastTenth || done === total) {
      lastTenth = tenth;
      core.info(`episode-gate: ${done}/${total} episodes classified`);
    }
  };
}

function runUrl(env: NodeJS.ProcessEnv): string | null {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return null;
  return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}

function escapeMarkdown(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(/([\\`*_[\]|])/g, '\\$1');
}
