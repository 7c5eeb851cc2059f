/** The HTML report of a gate run, written to a file: details read again, input built, page rendered. */
import path from 'node:path';
import { loadEpisodeDetails } from '../../gate/episode-detail.js';
import { writeFileAtomic } from '../../shared/write-file.js';
import { episodesToDetail, htmlReportInput, type HtmlGateRun } from './adapter.js';
import { renderHtmlReport } from './render.js';

export interface HtmlWriteOptions {
  /** The folder the report's dataset paths are relative to. */
  cwd: string;
  reportHint?: string | null;
}

/** The page's text; the details of the episodes shown in full are read from the dataset when it is there. */
async function buildHtmlReport(run: HtmlGateRun, opts: HtmlWriteOptions): Promise<string> {
  const details = await loadEpisodeDetails(run.report, episodesToDetail(run), opts.cwd);
  // With a history (check --history), the page draws the same trend the summary does.
  const rows = 'trend' in run && run.trend ? run.trend.rows : [];
  const trend = rows.map((r) => ({
    label: r.time.slice(0, 10),
    scanned: r.scanned,
    flagged: r.flagged,
    ...(r.gate ? { gate: r.gate } : {}),
  }));
  return renderHtmlReport(htmlReportInput(run, details, { reportHint: opts.reportHint ?? null, trend }));
}

export async function writeHtmlReport(file: string, run: HtmlGateRun, opts: HtmlWriteOptions): Promise<void> {
  writeFileAtomic(path.resolve(opts.cwd, file), await buildHtmlReport(run, opts), 'HTML report');
}
