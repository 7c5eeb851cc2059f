/**
 * The history's trend as pictures: Mermaid `xychart-beta` line charts (GitHub renders mermaid
 * blocks in markdown) of the flagged rate, the top reasons and, with few hosts, each host, with
 * the numbers in a folded table beneath; and the same trend as sparklines for a terminal.
 */
import type { DriftAlert } from '../history/drift.js';
import type { HistoryRow } from '../history/format.js';
import { DEFAULT_TREND_RUNS, trendOf, type Trend } from '../history/trend.js';
import { esc, escHtml } from './markdown.js';

/** Per-host charts are drawn only up to this many hosts (beyond it the table has them). */
const MAX_HOST_CHARTS = 4;

/** Text safe inside a mermaid quoted title. */
const title = (s: string): string => s.replace(/[^\w .,:()%/+-]/g, '?').slice(0, 120);
const num = (x: number): string => String(Math.round(x * 100) / 100);

function chart(heading: string, values: readonly number[]): string {
  const top = Math.max(1, Math.ceil(Math.max(...values, 0) * 1.1));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${title(heading)}"`,
    `  x-axis "run" [${values.map((_, i) => i + 1).join(', ')}]`,
    `  y-axis "% of scanned" 0 --> ${top}`,
    `  line [${values.map(num).join(', ')}]`,
    '```',
    '',
    '',
  ].join('\n');
}

/** The gate's decision as a table cell; blank where the run did not record it. */
const gateCell = (g: 'passed' | 'failed' | null): string => (g === 'passed' ? '✅ passed' : g === 'failed' ? '❌ failed' : '');
const count = (n: number | undefined): string => (n === undefined ? '' : String(n));
/** The changes against each run's baseline, as the tables show them: missing is a lost tarball (its row still listed), gone a pruned episode. */
const CHANGE_COLUMNS = ['new', 'gone', 'missing', 'modified', 'flips'] as const;

function table(t: Trend, unstoredLast: boolean): string {
  const head = [
    '#',
    'time',
    'commit',
    ...(t.anyGate ? ['gate'] : []),
    'scanned',
    'flagged',
    'flagged %',
    ...(t.anyChanges ? [...CHANGE_COLUMNS, 'new flagged %'] : []),
    ...t.topReasons.map((r) => `${r} %`),
  ];
  const lines = [`| ${head.map((h) => esc(h)).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  t.points.forEach((p, i) => {
    const cells = [
      unstoredLast && i === t.points.length - 1 ? `${i + 1} (this run, not stored)` : String(i + 1),
      esc(p.time.slice(0, 16).replace('T', ' ')),
      p.commit ? `\`${esc(p.commit.slice(0, 7)).replace(/`/g, '')}\`` : '',
      ...(t.anyGate ? [gateCell(p.gate)] : []),
      String(p.scanned),
      String(p.flagged),
      num(p.rate),
      ...(t.anyChanges ? [...CHANGE_COLUMNS.map((k) => count(p.changes?.[k])), p.newRate === null ? '' : num(p.newRate)] : []),
      ...t.topReasons.map((r) => num(p.reasonRates[r] ?? 0)),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  });
  return lines.join('\n') + '\n';
}

export interface TrendChartOptions {
  /** Runs shown (the newest). */
  lastRuns?: number;
  /** What the drift rule found, named above the charts. */
  drift?: readonly DriftAlert[];
  /** Whether the drift rule fails the run (else it warns). */
  driftFails?: boolean;
  /** The newest point is this run and is not stored in the history: why. */
  unstoredLast?: string;
}

/** The trend section of a summary: charts, then the numbers folded beneath. Empty when there are no rows. */
export function trendMarkdown(rows: readonly HistoryRow[], opts: TrendChartOptions = {}): string {
  const t = trendOf(rows, opts.lastRuns ?? DEFAULT_TREND_RUNS);
  if (t.points.length === 0) return '';
  const n = t.points.length;
  const parts = [`#### Trend over the last ${n} run${n === 1 ? '' : 's'}\n\n`];
  const drift = opts.drift ?? [];
  if (drift.length > 0) {
    const kind = opts.driftFails ? 'CAUTION' : 'WARNING';
    const verb = opts.driftFails ? 'fails the gate' : 'warns';
    parts.push(`> [!${kind}]\n> The drift rule ${verb}:\n${drift.map((a) => `> - ${esc(a.message, 400)}`).join('\n')}\n\n`);
  }
  if (opts.unstoredLast) {
    parts.push(`_Run ${n}, the last point, is this run; it is not stored in the history: ${esc(opts.unstoredLast, 400)}._\n\n`);
  }
  parts.push(
    chart(
      `Flagged episodes (% of scanned), last ${n} runs`,
      t.points.map((p) => p.rate),
    ),
  );
  for (const r of t.topReasons)
    parts.push(
      chart(
        `Flagged for ${r} (% of scanned)`,
        t.points.map((p) => p.reasonRates[r] ?? 0),
      ),
    );
  if (t.hosts.length > 1 && t.hosts.length <= MAX_HOST_CHARTS) {
    for (const h of t.hosts)
      parts.push(
        chart(
          `Host ${h}: flagged (% of its scanned)`,
          t.points.map((p) => p.hostRates[h] ?? 0),
        ),
      );
  }
  parts.push(
    `<details><summary>The numbers behind the charts (${escHtml(String(n))} runs, oldest first)</summary>\n\n${table(t, Boolean(opts.unstoredLast))}\n</details>\n\n`,
  );
  return parts.join('');
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * One character per value, scaled from the smallest value to the largest, so a rise from 49% to
 * 52% shows (the line's text gives the range); a flat series is all ▁, a run without the value a blank.
 */
function sparkline(values: readonly (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return values
    .map((v) =>
      v === null ? ' ' : BARS[hi === lo ? 0 : Math.min(BARS.length - 1, Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1)))],
    )
    .join('');
}

const pct = (x: number): string => `${x.toFixed(1)}%`;

/** The trend for a terminal: sparklines of the rate, the top reasons and each host, then one line per run. */
export function trendText(rows: readonly HistoryRow[], opts: TrendChartOptions = {}): string {
  const t = trendOf(rows, opts.lastRuns ?? DEFAULT_TREND_RUNS);
  if (t.points.length === 0) return 'no runs recorded yet (episode-gate history append adds one)\n';
  const n = t.points.length;
  const first = t.points[0]!.time.slice(0, 10);
  const last = t.points[n - 1]!.time.slice(0, 10);
  const out = [`${rows.length} run${rows.length === 1 ? '' : 's'} recorded; the last ${n}, ${first} to ${last}:`, ''];
  const labels = ['flagged', ...t.topReasons.map((r) => `  ${r}`), ...t.hosts.map((h) => `  host ${h}`)];
  const width = Math.min(40, Math.max(...labels.map((l) => l.length)));
  const line = (label: string, values: readonly (number | null)[]): string => {
    const known = values.filter((v): v is number => v !== null);
    const now = values[values.length - 1];
    const range = known.length === 0 ? '-' : `${pct(Math.min(...known))}–${pct(Math.max(...known))}`;
    return `${label.padEnd(width)}  ${sparkline(values)}  now ${now === null || now === undefined ? '-' : pct(now)}, range ${range}`;
  };
  out.push(
    line(
      'flagged',
      t.points.map((p) => p.rate),
    ),
  );
  for (const r of t.topReasons)
    out.push(
      line(
        `  ${r}`,
        t.points.map((p) => p.reasonRates[r] ?? 0),
      ),
    );
  for (const h of t.hosts)
    out.push(
      line(
        `  host ${h}`,
        t.points.map((p) => p.hostRates[h] ?? null),
      ),
    );
  const failed = t.points.filter((p) => p.gate === 'failed').length;
  if (t.anyGate) {
    const known = t.points.filter((p) => p.gate !== null).length;
    out.push(`${'gate'.padEnd(width)}  failed ${failed} of the ${known} run${known === 1 ? '' : 's'} that recorded it`);
  }
  out.push(
    '',
    'time              commit   ' +
      (t.anyGate ? 'gate    ' : '') +
      'scanned  flagged  rate' +
      (t.anyChanges ? CHANGE_COLUMNS.map((k) => ` ${k.padStart(8)}`).join('') + '  new fl%' : ''),
  );
  for (const p of t.points) {
    const gate = t.anyGate ? (p.gate ?? '-').padEnd(6) + '  ' : '';
    const changes = t.anyChanges
      ? CHANGE_COLUMNS.map((k) => ` ${(p.changes?.[k] === undefined ? '-' : String(p.changes[k])).padStart(8)}`).join('') +
        ` ${(p.newRate === null ? '-' : pct(p.newRate)).padStart(8)}`
      : '';
    out.push(
      `${p.time.slice(0, 16).replace('T', ' ')}  ${(p.commit ?? '-').slice(0, 7).padEnd(7)}  ${gate}${String(p.scanned).padStart(7)}  ${String(p.flagged).padStart(7)}  ${pct(p.rate).padStart(6)}${changes}`,
    );
  }
  return out.join('\n') + '\n';
}
