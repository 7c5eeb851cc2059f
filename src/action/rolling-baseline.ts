/**
 * A rolling baseline: the verdicts and digests of an earlier run's JSON report (a file given by
 * `baseline-report`, or the report artifact `baseline-artifact` fetches from the newest
 * successful run), with the pinned cases and tolerances of the committed baseline, if any.
 */
import path from 'node:path';
import * as core from '@actions/core';
import { baselineFromReport, loadBaseline, writeBaseline } from '../gate/baseline.js';
import { readReport, requireWholeReport } from '../gate/report.js';
import { ACTION_BASELINE_AS_REPORT, ACTION_REPORT_AS_BASELINE, displayPath } from '../gate/run.js';
import { esc } from '../render/markdown.js';
import { fetchBaselineArtifact } from './baseline-artifact.js';
import type { HeldAlarm } from '../gate/held.js';
import type { ActionSettings } from './inputs.js';
import { plural } from '../shared/text.js';

/** The baseline a run is judged against, and (for the summary) one line on where it came from. */
export interface ChosenBaseline {
  /** null: report without gating. */
  path: string | null;
  /** How messages name a rolling baseline: the report it was made from, not its file under RUNNER_TEMP. */
  name?: string;
  /** Markdown, shown in the job summary; null when the inputs say it all. */
  note: string | null;
  /**
   * With a rolling baseline: what accepts a change, in the Action's syntax (this run's report as
   * the next run's baseline-report); rewriting the rolling file under RUNNER_TEMP accepts nothing.
   */
  rollingAccept: string | null;
  /** The new-cohort alarms of a failed run since the baseline run, held until accepted (held.ts). */
  held?: HeldAlarm[];
}

/** `baseline-report: FILE # …`: this run's report as the next run's baseline. */
export function rollingAcceptHint(settings: ActionSettings, env: NodeJS.ProcessEnv, viaArtifact: boolean): string {
  const run = env.GITHUB_RUN_ID ? ` of run ${env.GITHUB_RUN_ID}` : '';
  const file = settings.uploadReport ? path.basename(settings.reportPath) : displayPath(settings.reportPath, settings.workspace);
  const where = settings.uploadReport
    ? `this run's report, artifact ${settings.uploadReport}${run}`
    : "this run's report (set upload-report to keep it past this job)";
  return viaArtifact
    ? `baseline-report: ${file} # ${where}; run the workflow once with it in place of baseline-artifact, and that run's report is the next night's baseline`
    : `baseline-report: ${file} # ${where}, in place of ${displayPath(settings.baselineReportPath ?? '', settings.workspace)}`;
}

/** The baseline from the inputs: the committed file, an earlier report, or an earlier run's report artifact. */
export async function chooseBaseline(settings: ActionSettings, env: NodeJS.ProcessEnv = process.env): Promise<ChosenBaseline> {
  const from = settings.baselineReportPath;
  if (from)
    return {
      path: rollingBaseline(settings, from, `baseline-report ${from}`, `the report ${from}`),
      name: `the report ${displayPath(from, settings.workspace)}`,
      note: null,
      rollingAccept: rollingAcceptHint(settings, env, false),
    };
  const spec = settings.baselineArtifact;
  if (!spec) return { path: settings.baselinePath, note: null, rollingAccept: null };
  const got = await fetchBaselineArtifact(spec, settings.tempDir, env);
  const committed = settings.baselinePath ? displayPath(settings.baselinePath, settings.workspace) : null;
  const seeds =
    settings.uploadReport === spec.name
      ? `this run's report (artifact ${spec.name}) is the next night's baseline`
      : `upload this run's report as artifact ${spec.name} (upload-report) to make it the next night's baseline`;
  if (got.kind === 'first-night') {
    const none = `no earlier successful run of ${got.workflow} on ${got.branch} (the first night)`;
    const judged = committed ? `judged against the committed baseline ${committed}` : 'and no committed baseline: reported, not gated';
    const line = `${none}, ${judged}; ${seeds}`;
    core.notice(`Baseline: ${line}`, { title: 'episode-gate: first night' });
    return { path: settings.baselinePath, note: `**Baseline:** ${esc(line, 1000)}.`, rollingAccept: null };
  }
  const { run } = got;
  const where = `the newest successful run of ${got.workflow} on ${got.branch}`;
  const file = rollingBaseline(
    settings,
    got.file,
    `baseline-artifact '${spec.name}' of run ${run.id}`,
    `the report artifact '${spec.name}' of run ${run.id} (#${run.number}, ${run.createdAt}, ${run.url}), ${where}`,
  );
  const pinned = committed ? `, with the pinned cases and tolerances of ${committed}` : '';
  const held = got.held;
  const heldNote =
    held && held.alarms.length > 0
      ? ` [Run ${held.run.id} (#${held.run.number})](${held.run.url}) failed since, and its rejected new-cohort alarms (${held.alarms.length}) stay regressions while their episodes are still new and flagged: accept that run, or prune or fix them.`
      : '';
  return {
    path: file,
    name: `the report of run ${run.id} (#${run.number})`,
    note:
      `**Baseline:** the report artifact ${esc(spec.name)} of [run ${run.id} (#${run.number})](${run.url}), created ${esc(run.createdAt)}, ` +
      `${esc(where)}${esc(pinned)}; ${esc(seeds)}.${heldNote}`,
    rollingAccept: rollingAcceptHint(settings, env, true),
    ...(held && held.alarms.length > 0 ? { held: held.alarms } : {}),
  };
}

/** Writes the rolling baseline made from the report file `from` under tempDir and returns its path. */
function rollingBaseline(settings: ActionSettings, from: string, name: string, origin: string): string {
  const report = readReport(from, name, ACTION_BASELINE_AS_REPORT);
  requireWholeReport(report, name, 'used as a baseline');
  const committed = settings.baselinePath
    ? loadBaseline(settings.baselinePath, settings.baselinePath, undefined, ACTION_REPORT_AS_BASELINE)
    : null;
  // The committed cases are checked against this run by the comparison, not against the old report.
  const { baseline } = baselineFromReport(report, committed);
  const file = path.join(settings.tempDir, 'episode-gate-rolling-baseline.json');
  writeBaseline(file, baseline);
  core.info(
    `Baseline: ${origin} (${plural(report.counts.scanned, 'episode')}, ${report.generated_at})` +
      (committed ? `, with the pinned cases and tolerances of ${settings.baselinePath}` : ''),
  );
  return file;
}
