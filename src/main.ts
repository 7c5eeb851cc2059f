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
import { ConfigError } from './shared/errors.js';
import { mergeShardReports } from './gate/merge.js';
import { writeReport, type Report } from './gate/report.js';
import { displayPath, gateReport, runGate, scanToReport, type BaselineCommand, type GateOutcome } from './gate/run.js';
import {
  briefCommentBody,
  commentBody,
  commentMarker,
  gateIdentity,
  pullRequestOfRun,
  shouldComment,
  upsertComment,
} from './action/comment.js';
import { ArtifactError, resolveDataset, type ResolvedDataset } from './action/dataset-source.js';
import { InputError, readActionSettings, type ActionSettings, type RunMode } from './action/inputs.js';
import { gateHistory, loadHistory, storeHistory, warnDrift, type ActionHistory } from './action/history.js';
import { chooseBaseline, type ChosenBaseline } from './action/rolling-baseline.js';
import {
  SUMMARY_LIMIT_BYTES,
  annotateRegressions,
  annotateWarnings,
  noteImprovements,
  runnerFileProblem,
  setGateOutputs,
  setManifestOutputs,
  setShardOutputs,
  writeSummary,
} from './action/outputs.js';
import { UploadError, requireArtifactService, uploadReport, type UploadContext } from './action/report-upload.js';
import { downloadShardReports } from './action/shard-reports.js';
import { UnpackError, unpackLimitsFromEnv } from './action/unpack.js';
import { buildManifest, runUrl as manifestRunUrl } from './manifest/build.js';
import { writeManifestDir } from './manifest/write.js';
import { writeHtmlReport } from './render/html/write.js';
import { esc, escHtml, plain } from './render/markdown.js';
import { failureText, summaryModel } from './render/model.js';
import { renderSummary } from './render/summary.js';
import { oneLine, plural, shellQuote as q } from './shared/text.js';

const HTML_FILE_NAME = 'episode-gate-report.html';
const HTML_UPLOAD: UploadContext = {
  input: 'html-report',
  nameTaken: 'artifact names must be unique within a run; choose another html-report name',
  noService: 'leave html-report empty, or write the page with episode-gate check --html FILE',
};

/** Room left in the 1 MiB summary for the lines the Action adds under the gate's markdown. */
const SUMMARY_FOOTER_BYTES = 16 * 1024;

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    checkRunnerFiles(env);
    const settings = readActionSettings((name) => core.getInput(name), env, bundledDatasetRoot());
    const { mode } = settings;
    // Before any scan or download: a baseline that cannot be had fails fast.
    const baseline: ChosenBaseline =
      mode.kind === 'shard' ? { path: null, note: null, rollingAccept: null } : await chooseBaseline(settings, env);
    if (mode.kind === 'merge') {
      await reportFolder(settings);
      await mergeAndGate(settings, mode, baseline);
      return;
    }
    const dataset = await resolveDataset(settings.dataset!, settings.tempDir, unpackLimitsFromEnv(env));
    core.info(
      `episode-gate: scanning ${mode.kind === 'shard' ? `shard ${mode.shard.index}/${mode.shard.count} of ` : ''}${plain(dataset.description)}`,
    );
    await reportFolder(settings);
    if (mode.kind === 'shard') {
      await scanShard(settings, mode, dataset);
      return;
    }
    const history = await loadHistory(settings, env);
    const outcome = await runGate({
      ...scanInputs(settings, dataset),
      ...gateInputs(settings, baseline),
      ...(history ? { history: gateHistory(history, env) } : {}),
    });
    await publish(outcome, settings, dataset.description, 'check', baseline.note, history);
  } catch (e) {
    const message = describeFailure(e);
    if (core.isDebug() && e instanceof Error && e.stack) core.debug(e.stack);
    await writeSummary(`**episode-gate could not run:** ${esc(message, 2000)}\n`);
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
function gateInputs(settings: ActionSettings, baseline: ChosenBaseline) {
  return {
    ...(baseline.path ? { baselinePath: baseline.path } : {}),
    ...(baseline.path && baseline.name ? { baselineName: baseline.name } : {}),
    ...(baseline.rollingAccept ? { rollingAccept: baseline.rollingAccept } : {}),
    ...(baseline.held ? { held: baseline.held } : {}),
    failOn: settings.failOn,
    reportPath: settings.reportPath,
    reportHint: settings.uploadReport ? `the artifact ${settings.uploadReport}` : settings.reportPath,
    baselineCommand: baselineCommand(settings),
    cwd: settings.workspace,
    surface: 'action' as const,
    ...(settings.manifestDir ? { release: true } : {}),
  };
}

/**
 * The `episode-gate baseline` command that makes this run's scan the baseline, from the inputs:
 * the dataset folder when it is in the workspace, else the JSON report the run wrote.
 */
function baselineCommand(settings: ActionSettings): BaselineCommand {
  const show = (p: string): string => displayPath(p, settings.workspace);
  return (out) => {
    const parts = ['episode-gate', 'baseline'];
    if (settings.dataset?.kind === 'path' || settings.dataset?.kind === 'bundled') {
      parts.push('--dataset', q(show(settings.dataset.root)));
      if (settings.settingsPath) parts.push('--settings', q(show(settings.settingsPath)));
      if (settings.host) parts.push('--host', q(settings.host));
      for (const r of settings.reasons ?? []) parts.push('--reason', r);
    } else {
      // An artifact or merged shards: the scan is in the report (the artifact upload-report names).
      parts.push('--report', q(settings.uploadReport ? path.basename(settings.reportPath) : show(settings.reportPath)));
    }
    parts.push('--out', q(path.isAbsolute(out) ? show(out) : out));
    return parts.join(' ');
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
        ? `Its report could not be uploaded: ${esc(uploadFailure, 2000)}`
        : `Its report is the artifact <code>${escHtml(mode.artifact)}</code>; the job with \`merge:\` merges the reports of all ${mode.shard.count} shards and gates the whole dataset.`),
    '',
    `<sub>Dataset: ${esc(dataset, 600)}, fingerprint ${esc(report.dataset.fingerprint.replace(/^sha256:/, '').slice(0, 12))}.</sub>`,
    '',
  ];
  return lines.join('\n');
}

/** The gate job of a matrix: download the shard reports, merge them, gate the whole as a single scan would be. */
async function mergeAndGate(settings: ActionSettings, mode: Extract<RunMode, { kind: 'merge' }>, baseline: ChosenBaseline): Promise<void> {
  const history = await loadHistory(settings, process.env);
  const gateOptions = { ...gateInputs(settings, baseline), ...(history ? { history: gateHistory(history, process.env) } : {}) };
  let description = '';
  const outcome = await gateReport(async () => {
    const got = await downloadShardReports(mode.pattern, settings.tempDir);
    core.info(`episode-gate: merging ${got.files.length} shard report(s) from ${plain(got.artifacts.join(', '))}`);
    const merged = mergeShardReports(got.files, new Date(), 'action');
    const names = got.artifacts.length > 2 ? `${got.artifacts[0]} … ${got.artifacts.at(-1)}` : got.artifacts.join(' and ');
    description = `${got.files.length} shard reports merged from this run's artifacts ${names}`;
    return merged;
  }, gateOptions);
  await publish(outcome, settings, description, 'merge', baseline.note, history);
}

async function publish(
  gated: GateOutcome,
  settings: ActionSettings,
  dataset: string,
  command: 'check' | 'merge',
  baselineNote: string | null = null,
  history: ActionHistory | null = null,
): Promise<void> {
  let outcome = gated;
  setGateOutputs(outcome, settings.reportPath);
  const manifestLine = settings.manifestDir ? writeReleaseManifest(outcome, settings, settings.manifestDir, command) : null;
  const { counts } = outcome.report;
  core.info(
    `episode-gate: scanned ${counts.scanned}, kept ${counts.kept}, flagged ${counts.flagged}; ` +
      `${plural(outcome.regressions.length, 'regression')}, ${plural(outcome.improvements.length, 'improvement')}; report at ${settings.reportPath}`,
  );
  const footer = [`Dataset: ${esc(dataset, 600)}.`];
  if (manifestLine) footer.push(manifestLine);

  let uploadFailure: string | null = null;
  if (settings.uploadReport) {
    try {
      const up = await uploadReport(settings.uploadReport, settings.reportPath);
      footer.push(`JSON report: artifact ${esc(settings.uploadReport)}${up.id !== undefined ? ` (id ${up.id})` : ''}.`);
      core.info(`episode-gate: report uploaded as artifact '${settings.uploadReport}'`);
    } catch (e) {
      uploadFailure = describeFailure(e);
    }
  }
  if (settings.htmlReport) {
    const htmlPath = path.join(path.dirname(settings.reportPath), HTML_FILE_NAME);
    const name = settings.htmlReport;
    try {
      await writeHtmlReport(htmlPath, outcome, {
        cwd: settings.workspace,
        reportHint: settings.uploadReport ? `the artifact ${settings.uploadReport}` : settings.reportPath,
      });
      const up = await uploadReport(name, htmlPath, HTML_UPLOAD);
      const url = runUrl(process.env);
      const link = url && up.id !== undefined ? `[${esc(name)}](${url}/artifacts/${up.id})` : esc(name);
      footer.push(`HTML report (charts, per-phase drill-down): artifact ${link}.`);
      core.info(`episode-gate: HTML report uploaded as artifact '${name}'`);
    } catch (e) {
      uploadFailure = uploadFailure ?? describeFailure(e);
    }
  }
  if (history) {
    const stored = await storeHistory(history, outcome, process.env);
    footer.push(stored.footer);
    if (stored.notStored && outcome.trend) outcome = { ...outcome, trend: { ...outcome.trend, unstoredLast: stored.notStored } };
    warnDrift(outcome);
  }
  const model = summaryModel(outcome);
  const markdown = renderSummary(model, SUMMARY_LIMIT_BYTES - SUMMARY_FOOTER_BYTES);
  const summary = `${markdown.trimEnd()}\n\n${baselineNote ? `${baselineNote}\n\n` : ''}<sub>${footer.join(' ')}</sub>\n`;
  await writeSummary(summary);

  if (settings.comment !== 'off') {
    const pr = pullRequestOfRun(process.env);
    if (!pr) core.info('episode-gate: not a pull_request event; no PR comment posted');
    else if (!settings.githubToken)
      core.warning(
        `comment is ${settings.comment} but github-token is empty, so no PR comment is posted: pass github-token (the default \${{ github.token }} works with pull-requests: write)`,
        { title: 'episode-gate: no PR comment' },
      );
    else {
      const want = shouldComment(settings.comment, model);
      const marker = commentMarker(gateIdentity(settings, process.env));
      const body =
        want === 'full'
          ? commentBody(summary, runUrl(process.env), marker)
          : briefCommentBody(model, settings.comment, runUrl(process.env), marker);
      const r = await upsertComment(settings.githubToken, pr, body, marker, { create: want !== 'update-only' });
      if (r.action === 'failed') core.warning(r.why, { title: 'episode-gate: no PR comment' });
      else if (r.action === 'skipped') core.info(`episode-gate: no PR comment: ${r.why}`);
      else core.info(`episode-gate: PR comment ${r.action}: ${r.url}`);
    }
  }

  // setFailed adds one error annotation, and a failed upload one more: keep room for them.
  const failing = !outcome.passed || uploadFailure !== null;
  annotateRegressions(outcome.regressions, failing, (failing ? 1 : 0) + (!outcome.passed && uploadFailure ? 1 : 0));
  annotateWarnings(outcome.warnings);
  noteImprovements(outcome.improvements);
  if (!outcome.passed) {
    if (uploadFailure) core.error(uploadFailure);
    core.setFailed(`episode-gate: ${oneLine(failureText(model))}`);
  } else if (uploadFailure) core.setFailed(uploadFailure);
}

/** Writes the release manifest (FAILED, with no SHA256SUMS, when the gate failed); returns the summary's line on it. */
function writeReleaseManifest(outcome: GateOutcome, settings: ActionSettings, dir: string, command: 'check' | 'merge'): string {
  const { report, passed, failReason, comparison, regressions, baselineFile } = outcome;
  const manifest = buildManifest(report, {
    command,
    failOn: settings.failOn,
    passed,
    failReason,
    comparison,
    regressions: regressions.length,
    baselineFile,
  });
  const files = writeManifestDir(dir, manifest, manifestRunUrl(process.env));
  setManifestOutputs(files);
  core.info(
    files.sums
      ? `episode-gate: release manifest in ${dir}: SHA256SUMS lists ${plural(manifest.episodes.length, 'kept episode')}`
      : `episode-gate: release manifest in ${dir} records the FAILED gate: no SHA256SUMS, nothing is released`,
  );
  return files.sums
    ? `Release manifest: ${manifest.episodes.length} kept episodes in \`SHA256SUMS\`.`
    : 'Release manifest: verdict FAILED, nothing released (no `SHA256SUMS`).';
}

/**
 * GITHUB_OUTPUT before any work: outputs that cannot be written fail the run now, with the fix,
 * not after the scan as if a bug (a local run with a copied environment names a file that is not there).
 */
function checkRunnerFiles(env: NodeJS.ProcessEnv): void {
  const problem = runnerFileProblem('GITHUB_OUTPUT', env);
  if (problem) throw new ConfigError(`${problem} (outside a runner, unset it: the outputs are then printed to the log)`);
}

/** One line for setFailed: what went wrong and what to do; never a stack trace. */
function describeFailure(e: unknown): string {
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
