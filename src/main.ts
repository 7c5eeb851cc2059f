/**
 * The Action: inputs -> settings -> dataset -> gate -> outputs, summary, annotations, and the
 * optional report artifact and PR comment. Every failure ends as one line in setFailed.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { ConfigError } from './gate/errors.js';
import { runGate, type GateOutcome } from './gate/run.js';
import { commentBody, pullRequestOfRun, upsertComment } from './action/comment.js';
import { ArtifactError, resolveDataset, type ResolvedDataset } from './action/dataset-source.js';
import { InputError, readActionSettings, type ActionSettings } from './action/inputs.js';
import { SUMMARY_LIMIT_BYTES, annotateRegressions, noteImprovements, oneLine, setGateOutputs, writeSummary } from './action/outputs.js';
import { UploadError, uploadReport } from './action/report-upload.js';
import { UnpackError } from './action/unpack.js';

/** Room left in the 1 MiB summary for the lines the Action adds under the gate's markdown. */
const SUMMARY_FOOTER_BYTES = 16 * 1024;

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = readActionSettings((name) => core.getInput(name), env, bundledDatasetRoot());
    const dataset = await resolveDataset(settings.dataset, settings.tempDir);
    core.info(`episode-gate: scanning ${dataset.description}`);
    await mkdir(path.dirname(settings.reportPath), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new InputError(
        'report',
        `needs the folder ${path.dirname(settings.reportPath)}, which cannot be made (${e.code ?? e.message}): give a writable path`,
      );
    });
    const outcome = await runGate({
      indexPath: dataset.indexPath,
      episodesRoot: dataset.episodesRoot,
      ...(settings.baselinePath ? { baselinePath: settings.baselinePath } : {}),
      ...(settings.settingsPath ? { settingsPath: settings.settingsPath } : {}),
      ...(settings.reasons ? { reasons: settings.reasons } : {}),
      ...(settings.host ? { host: settings.host } : {}),
      ...(settings.jobs ? { jobs: settings.jobs } : {}),
      failOn: settings.failOn,
      reportPath: settings.reportPath,
      summaryLimitBytes: SUMMARY_LIMIT_BYTES - SUMMARY_FOOTER_BYTES,
      reportHint: settings.uploadReport ? `the artifact ${settings.uploadReport}` : settings.reportPath,
      cwd: settings.workspace,
      onProgress: progressLogger(),
    });
    await publish(outcome, settings, dataset);
  } catch (e) {
    const message = describeFailure(e);
    if (core.isDebug() && e instanceof Error && e.stack) core.debug(e.stack);
    await writeSummary(`**episode-gate could not run:** ${escapeMarkdown(message)}\n`);
    core.setFailed(message);
  }
}

async function publish(outcome: GateOutcome, settings: ActionSettings, dataset: ResolvedDataset): Promise<void> {
  setGateOutputs(outcome, settings.reportPath);
  const { counts } = outcome.report;
  core.info(
    `episode-gate: scanned ${counts.scanned}, kept ${counts.kept}, flagged ${counts.flagged}; ` +
      `${outcome.regressions.length} regression(s), ${outcome.improvements.length} improvement(s); report at ${settings.reportPath}`,
  );
  const footer = [`Dataset: ${escapeMarkdown(dataset.description)}.`];

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
