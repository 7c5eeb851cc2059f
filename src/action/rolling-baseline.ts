/**
 * A rolling baseline: the verdicts and digests of an earlier run's JSON report (downloaded from
 * its report artifact), with the pinned cases and tolerances of the committed baseline, if any.
 */
import path from 'node:path';
import * as core from '@actions/core';
import { baselineFromReport, loadBaseline, writeBaseline } from '../gate/baseline.js';
import { readReport, requireWholeReport } from '../gate/report.js';
import type { ActionSettings } from './inputs.js';

/** Writes the rolling baseline under tempDir and returns its path. */
export function rollingBaseline(settings: ActionSettings): string {
  const from = settings.baselineReportPath!;
  const report = readReport(from, `baseline-report ${from}`);
  requireWholeReport(report, `baseline-report ${from}`, 'used as a baseline');
  const committed = settings.baselinePath ? loadBaseline(settings.baselinePath) : null;
  // The committed cases are checked against this run by the comparison, not against the old report.
  const { baseline } = baselineFromReport(report, committed);
  const file = path.join(settings.tempDir, 'episode-gate-rolling-baseline.json');
  writeBaseline(file, baseline);
  core.info(
    `Baseline: the report ${from} (${report.counts.scanned} episodes, ${report.generated_at})` +
      (committed ? `, with the pinned cases and tolerances of ${settings.baselinePath}` : ''),
  );
  return file;
}
