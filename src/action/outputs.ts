/** The gate's outcome -> step outputs, job summary and annotations. */
import { existsSync, statSync } from 'node:fs';
import * as core from '@actions/core';
import { plain } from '../render/markdown.js';
import type { Report } from '../gate/report.js';
import type { ManifestFiles } from '../manifest/write.js';
import { regressionRank, type GateOutcome, type Regression } from '../gate/run.js';
import { oneLine, plural } from '../shared/text.js';

function setCountOutputs(report: Report, reportPath: string): void {
  const { counts, by_reason: byReason } = report;
  core.setOutput('scanned', counts.scanned);
  core.setOutput('kept', counts.kept);
  core.setOutput('flagged', counts.flagged);
  core.setOutput('unreadable', byReason.unreadable ?? 0);
  core.setOutput('by-reason', JSON.stringify(byReason));
  core.setOutput('report', reportPath);
}

export function setGateOutputs(outcome: GateOutcome, reportPath: string): void {
  setCountOutputs(outcome.report, reportPath);
  core.setOutput('regressions', outcome.regressions.length);
  core.setOutput('passed', outcome.passed);
}

/** Where the manifest went; sha256sums is empty when the gate failed (nothing is released). */
export function setManifestOutputs(files: ManifestFiles): void {
  core.setOutput('manifest-dir', files.dir);
  core.setOutput('manifest-json', files.manifest);
  core.setOutput('sha256sums', files.sums ?? '');
  core.setOutput('statement', files.statement);
  core.setOutput('predicate', files.predicate);
}

/** A shard's counts (its part of the dataset), its report and artifact; no gate outputs, as nothing was gated. */
export function setShardOutputs(report: Report, reportPath: string, artifact: string): void {
  setCountOutputs(report, reportPath);
  core.setOutput('shard-artifact', artifact);
}

/** GitHub shows at most 10 error annotations per step. */
export const ANNOTATIONS_PER_STEP = 10;

/**
 * One annotation per regression, as errors when the job fails (warnings when it passes, as
 * under fail-on: never). `reserved` error annotations are kept free for the step's own failure
 * lines (setFailed adds one); past the limit the rest are counted in a last annotation instead
 * of being dropped unseen.
 */
export function annotateRegressions(regressions: Regression[], failing: boolean, reserved: number): void {
  if (regressions.length === 0) return;
  const emit = failing ? core.error : core.warning;
  const budget = ANNOTATIONS_PER_STEP - (failing ? reserved : 0);
  // Past the limit, the most telling ones are annotated (the order the failure line uses).
  const ranked = [...regressions].sort((a, b) => regressionRank(a) - regressionRank(b));
  const shown = ranked.length <= budget ? ranked : ranked.slice(0, budget - 1);
  for (const r of shown) emit(plain(r.message), { title: `episode-gate regression: ${r.kind}` });
  const rest = regressions.length - shown.length;
  if (rest > 0) {
    emit(`${plural(rest, 'more regression')} not annotated here: see the job summary or the JSON report for all ${regressions.length}`, {
      title: 'episode-gate: more regressions',
    });
  }
}

/** One warning annotation per change past a warn level of the baseline (within its tolerance). */
export function annotateWarnings(warnings: Regression[]): void {
  const shown = warnings.length <= ANNOTATIONS_PER_STEP ? warnings : warnings.slice(0, ANNOTATIONS_PER_STEP - 1);
  for (const w of shown) core.warning(plain(w.message), { title: `episode-gate warning: ${w.kind}` });
  if (shown.length < warnings.length)
    core.warning(`${warnings.length - shown.length} more warning(s): see the job summary`, { title: 'episode-gate: more warnings' });
}

export function noteImprovements(improvements: Regression[]): void {
  if (improvements.length === 0) return;
  core.notice(`${improvements.length} improvement(s) against the baseline; update the baseline to lock them in (episode-gate baseline)`, {
    title: 'episode-gate: improvements',
  });
}

/** The job summary is capped at 1 MiB per step; GitHub drops a bigger one. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

export function fitSummary(markdown: string, limit = SUMMARY_LIMIT_BYTES): string {
  if (Buffer.byteLength(markdown, 'utf8') <= limit) return markdown;
  const note = '\n\n_Summary cut at the 1 MiB job-summary limit; the JSON report has everything._\n';
  const buf = Buffer.from(markdown, 'utf8').subarray(0, limit - Buffer.byteLength(note));
  let text = buf.toString('utf8').replace(/\uFFFD$/, '');
  const nl = text.lastIndexOf('\n');
  if (nl > 0) text = text.slice(0, nl);
  return text + note;
}

/**
 * What is wrong with a per-step file the runner names in `name` (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY):
 * the runner creates it, so one named but absent means the Action runs elsewhere. null: unset or fine.
 */
export function runnerFileProblem(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const p = env[name];
  if (!p) return null;
  const what = existsSync(p) ? (statSync(p).isFile() ? null : 'which is not a file') : 'which does not exist';
  return what ? `${name} names ${p}, ${what}: the Actions runner creates that file for each step` : null;
}

/** Writes the job summary; without GITHUB_STEP_SUMMARY (not on a runner) it only warns. */
export async function writeSummary(markdown: string): Promise<void> {
  try {
    const problem = runnerFileProblem('GITHUB_STEP_SUMMARY');
    if (problem) throw new Error(`${problem} (outside a runner, unset it)`);
    if (!process.env.GITHUB_STEP_SUMMARY) throw new Error('GITHUB_STEP_SUMMARY is not set (not on an Actions runner)');
    await core.summary.addRaw(fitSummary(markdown)).write();
  } catch (e) {
    core.warning(`no job summary written: ${oneLine((e as Error).message)}`);
  } finally {
    core.summary.emptyBuffer();
  }
}
