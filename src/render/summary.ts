/**
 * The markdown summary of a gate run (GitHub job summary and terminal): the verdict in one
 * line first, then what a reviewer needs to judge it, most important first. It stays under a
 * byte limit however large the dataset: long lists fold into <details> and are cut with a note
 * pointing at the JSON report. Every value taken from data is escaped (see markdown.ts).
 */
import { SOURCE_NAMES } from '../classifier/types.js';
import type { Flip, Regression } from '../gate/compare.js';
import { explain, type ReportEpisode } from '../gate/report.js';
import type { GateOutcome } from '../gate/run.js';
import { changesSection, hostCohortCells, modeLine } from './changes.js';
import { BudgetedMarkdown, addList, addTable, esc, escHtml } from './markdown.js';
import { causeChanged, causeText, regressionItems, summaryModel, type SummaryModel, type SummaryStatus } from './model.js';
import { trendMarkdown } from './trend.js';
import { plural } from '../shared/text.js';

/** Just under GitHub's 1 MiB step-summary limit, leaving room for a caller's own lines. */
export const DEFAULT_SUMMARY_LIMIT_BYTES = 1000 * 1024;
/** Below this a useful summary cannot be promised. */
export const MIN_SUMMARY_LIMIT_BYTES = 4 * 1024;

const RESERVE = 1024;

function moreNote(hint: string | null): (n: number) => string {
  const where = hint ? `the JSON report (${esc(hint, 120)})` : 'the JSON report (episode-gate scan --report FILE)';
  return (n) => `_… and ${n} more: see ${where}._`;
}

function signed(n: number, digits = 0): string {
  const s = digits ? Math.abs(n).toFixed(digits) : String(Math.abs(n));
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : digits ? (0).toFixed(digits) : '0';
}

function pct(n: number): string {
  return `${n.toFixed(2)}%`;
}

function verdictCell(reasons: readonly string[]): string {
  return reasons.length === 0 ? 'kept' : `flagged (${reasons.map((r) => esc(r)).join(', ')})`;
}

function epCell(host: string, episode: string): string {
  return `${esc(host, 80)}/${esc(episode, 160)}`;
}

function whyCell(lines: readonly string[]): string {
  return lines.map((l) => esc(l, 300)).join('<br>');
}

const MARK: Record<SummaryStatus, string> = {
  failed: '❌',
  'not-enforced': '⚠️',
  warned: '⚠️',
  passed: '✅',
  'report-only': 'ℹ️',
};

/**
 * The first three lines: the verdict with what changed, its effect, and the command that
 * accepts it. Lines 2 and 3 are list items so each stays its own line when rendered.
 */
function lead(m: SummaryModel): string {
  const l = m.lead;
  const lines = [`### ${MARK[l.status]} episode-gate: ${esc(l.headline, 600)}`];
  if (l.effect) lines.push(`- **Effect:** ${esc(l.effect, 600)}`);
  if (l.command) lines.push(`- **${esc(l.commandLabel ?? 'Command', 200)}:** <code>${escHtml(l.command, 1000)}</code>`);
  return lines.join('\n') + '\n\n';
}

function regressionItem(r: Regression): string {
  return esc(r.message, 600);
}

function countsSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const cmp = inp.comparison;
  // With a baseline, the counts the rules judged: on a changed dataset those of the episodes in both.
  const cur = cmp ? cmp.counts.current : inp.report.counts;
  md.add(cmp?.mode === 'changing' ? `#### Counts of the ${cmp.counts.current.scanned} episodes in both\n\n` : '#### Counts\n\n');
  if (!cmp) {
    md.add(`| | now |\n|---|---:|\n| scanned | ${cur.scanned} |\n| kept | ${cur.kept} |\n| flagged | ${cur.flagged} |\n\n`);
    return;
  }
  const b = cmp.counts.baseline;
  const t = cmp.tolerance;
  const mark = (bad: boolean): string => (bad ? ' ❌' : '');
  const reg = new Set(cmp.regressions.map((r) => r.kind));
  const tolText = (v: number | null, what: string, unit = ''): string => (v === null ? 'not checked' : `${what} ≤ ${v}${unit}`);
  const keptNote = cmp.keptDrop > b.kept - cur.kept ? ` (${cmp.keptDrop} kept → flagged)` : '';
  md.add(
    '| | baseline | now | change | tolerance |\n|---|---:|---:|---:|---|\n' +
      `| scanned | ${b.scanned} | ${cur.scanned} | ${signed(cur.scanned - b.scanned)} | |\n` +
      `| kept | ${b.kept} | ${cur.kept} | ${signed(cur.kept - b.kept)}${keptNote}${mark(reg.has('kept-drop'))} | ${tolText(t.kept_drop, 'drop')} |\n` +
      `| flagged | ${b.flagged} | ${cur.flagged} | ${signed(cur.flagged - b.flagged)}${mark(reg.has('flagged-rise'))} | ${tolText(t.flagged_rise, 'rise')} |\n` +
      `| flagged rate | ${pct(cmp.flaggedRate.baseline)} | ${pct(cmp.flaggedRate.current)} | ${signed(cmp.flaggedRate.current - cmp.flaggedRate.baseline, 2)} pp${mark(reg.has('flagged-rate-rise'))} | ${tolText(t.flagged_rate_rise, 'rise', ' pp')} |\n\n`,
  );
}

function reasonsSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const cmp = inp.comparison;
  const more = moreNote(inp.reportHint);
  md.add('#### By reason\n\n');
  if (!cmp) {
    const rows = Object.entries(inp.report.by_reason).map(([r, n]) => [esc(r), String(n)]);
    addTable(md, ['reason', 'now'], ['---', '---:'], rows, { maxRows: 100, more });
    return;
  }
  const rows = cmp.reasons.map((r) => [
    esc(r.reason) + (r.inBaseline ? '' : ' (new: counted from 0)'),
    String(r.baseline),
    String(r.current),
    signed(r.current - r.baseline) + (r.regression ? ' ❌' : ''),
    r.tolerance === null ? 'not checked' : `rise ≤ ${r.tolerance}`,
  ]);
  addTable(md, ['reason', 'baseline', 'now', 'change', 'tolerance'], ['---', '---:', '---:', '---:', '---'], rows, { maxRows: 100, more });
}

function casesSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const cmp = inp.comparison;
  if (!cmp || cmp.cases.length === 0) return;
  const failed = cmp.cases.filter((c) => !c.pass).length;
  md.add(`#### Pinned cases: ${cmp.cases.length - failed} of ${cmp.cases.length} pass\n\n`);
  // Failing cases first, so a cut list never hides one.
  const ordered = [...cmp.cases].sort((a, b) => Number(a.pass) - Number(b.pass));
  const rows = ordered.map((c) => [
    esc(c.case.name, 120),
    epCell(c.case.host, c.case.episode),
    c.case.expect === 'flagged' && c.case.reasons ? verdictCell(c.case.reasons) : c.case.expect,
    c.got === 'missing' ? 'missing from the dataset' : verdictCell(c.gotReasons),
    c.pass ? '✅ pass' : '❌ fail',
    c.case.note ? esc(c.case.note, 200) : '',
  ]);
  addTable(md, ['case', 'episode', 'expected', 'got', 'result', 'note'], ['---', '---', '---', '---', '---', '---'], rows, {
    fold: cmp.cases.length > 25 ? `${cmp.cases.length} pinned cases` : null,
    maxRows: 500,
    more: moreNote(inp.reportHint),
  });
}

const FLIP_ORDER: Record<Flip['kind'], number> = { 'kept-to-flagged': 0, 'reasons-changed': 1, 'flagged-to-kept': 2 };

function flipsSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const cmp = inp.comparison;
  if (!cmp) return;
  if (!cmp.hasEpisodeMap) {
    md.add('_The baseline has no `episodes` map, so changes are judged by the counts alone; `episode-gate baseline` writes one._\n\n');
    return;
  }
  const flips = [...cmp.flips].sort((a, b) => FLIP_ORDER[a.kind] - FLIP_ORDER[b.kind]);
  const down = flips.filter((f) => f.kind === 'kept-to-flagged').length;
  const up = flips.filter((f) => f.kind === 'flagged-to-kept').length;
  const other = flips.length - down - up;
  md.add(
    flips.length === 0
      ? '#### Episodes that changed verdict: none\n\n'
      : `#### Episodes that changed verdict: ${flips.length} (${down} kept → flagged, ${up} flagged → kept, ${other} with other reasons)\n\n`,
  );
  const rows = flips.map((f) => [epCell(f.host, f.episode), verdictCell(f.before), verdictCell(f.after), whyCell(f.why)]);
  addTable(md, ['episode', 'before', 'after', 'evidence'], ['---', '---', '---', '---'], rows, {
    fold: flips.length > 10 ? `${flips.length} changed episodes` : null,
    maxRows: 500,
    more: moreNote(inp.reportHint),
  });
  const notes: string[] = [];
  if (cmp.mode === 'changing') return; // the classes have their own section
  if (cmp.added.total > 0)
    notes.push(
      `${plural(cmp.added.total, 'episode')} ${cmp.added.total === 1 ? 'is' : 'are'} new since the baseline (${cmp.added.flagged} of them flagged).`,
    );
  if (cmp.vanished.length > 0) {
    const kept = cmp.vanished.filter((v) => v.before.length === 0).length;
    notes.push(
      `${plural(cmp.vanished.length, 'episode')} of the baseline ${cmp.vanished.length === 1 ? 'is' : 'are'} not in this dataset (${kept} of them ${kept === 1 ? 'was' : 'were'} kept).`,
    );
  }
  if (notes.length) md.add(notes.join(' ') + '\n\n');
  if (cmp.vanished.length > 0) {
    const items = cmp.vanished.map((v) => `${epCell(v.host, v.episode)}: was ${verdictCell(v.before)}`);
    addList(md, items, {
      fold: `${plural(cmp.vanished.length, 'episode')} gone since the baseline`,
      maxRows: 200,
      more: moreNote(inp.reportHint),
    });
  }
}

function flaggedSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const flagged = inp.report.episodes.filter((e) => e.verdict === 'flagged');
  if (flagged.length === 0) return;
  md.add(`#### Flagged episodes by reason (${flagged.length})\n\n`);
  const groups = new Map<string, ReportEpisode[]>();
  for (const e of flagged) {
    const k = e.reasons.join(', ');
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [reasons, eps] of sorted) {
    const rows = eps.map((e) => [epCell(e.host, e.episode), e.sample === null ? '' : esc(e.sample, 80), whyCell(explain(e))]);
    addTable(md, ['episode', 'sample', 'evidence'], ['---', '---', '---'], rows, {
      fold: `${escHtml(reasons)}: ${eps.length} episode${eps.length === 1 ? '' : 's'}`,
      maxRows: 200,
      more: moreNote(inp.reportHint),
    });
  }
}

function sourcesSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const s = inp.report.sources;
  const c = inp.report.counts;
  const unreadable = inp.report.by_reason.unreadable ?? 0;
  const noLabels = c.scanned - s.analysed - unreadable;
  const others = [unreadable ? `${unreadable} unreadable` : '', noLabels > 0 ? `${noLabels} without labels` : ''].filter(Boolean);
  md.add(
    `#### Telemetry sources\n\nFlatness was analysed for ${s.analysed} of ${c.scanned} episodes${others.length ? ` (not: ${others.join(', ')})` : ''}.\n\n`,
  );
  if (s.analysed === 0) return;
  const rows = SOURCE_NAMES.map((n) => {
    const t = s[n];
    const avail = t.signal + t.flat;
    return [n, String(t.signal), String(t.flat), String(t.unknown), `${avail} (${pct((avail * 100) / s.analysed)})`];
  });
  addTable(md, ['source', 'signal', 'flat', 'no data', 'available'], ['---', '---:', '---:', '---:', '---:'], rows, {
    maxRows: 10,
    more: moreNote(inp.reportHint),
  });
}

function hostsSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const hosts = Object.entries(inp.report.hosts).sort((a, b) => b[1].flagged - a[1].flagged || a[0].localeCompare(b[0]));
  if (hosts.length === 0) return;
  md.add(`#### Hosts (${hosts.length})\n\n`);
  const cohort = hostCohortCells(inp.comparison, '') !== null;
  const rows = hosts.map(([h, c]) => [
    esc(h, 80),
    String(c.scanned),
    String(c.kept),
    String(c.flagged),
    ...(hostCohortCells(inp.comparison, h) ?? []),
  ]);
  const head = cohort ? ['new flagged', 'baseline flagged'] : [];
  addTable(md, ['host', 'scanned', 'kept', 'flagged', ...head], ['---', '---:', '---:', '---:', ...head.map(() => '---:')], rows, {
    fold: hosts.length > 10 ? `${hosts.length} hosts` : null,
    maxRows: 300,
    more: moreNote(inp.reportHint),
  });
}

function shortHash(h: string): string {
  return esc(h.replace(/^sha256:/, '').slice(0, 12));
}

function provenanceSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const r = inp.report;
  const cmp = inp.comparison;
  const more = moreNote(inp.reportHint);
  const lines: string[] = [];
  lines.push(`- dataset: ${esc(r.dataset.index)}${r.dataset.host ? `, host ${esc(r.dataset.host)} only` : ''}`);
  let fp = `- dataset fingerprint: ${shortHash(r.dataset.fingerprint)}`;
  if (cmp?.datasetChanged === true) fp += ' — **the data changed** since the baseline';
  if (cmp?.datasetChanged === false) fp += ' — same data as the baseline';
  lines.push(fp);
  const overrides = Object.entries(r.settings_overrides ?? {});
  let st = `- classifier settings: ${shortHash(r.settings_hash)}, ${r.settings_file ? `from ${esc(r.settings_file)}` : 'the defaults'}`;
  if (overrides.length) st += ` with ${overrides.map(([k, v]) => `${esc(k)}=${esc(String(v))}`).join(', ')}`;
  if (cmp?.settingsChanges && cmp.settingsChanges.length > 0) st += ' — **the settings changed** since the baseline';
  if (cmp?.settingsChanges && cmp.settingsChanges.length === 0) st += ' — same settings as the baseline';
  lines.push(st);
  if (r.dataset.reasons)
    lines.push(`- only these reasons flag: ${r.dataset.reasons.map((x) => esc(x)).join(', ')} (unreadable always does)`);
  lines.push(`- episode-gate ${esc(r.tool.version)}, scanned in ${(r.totals.elapsed_ms / 1000).toFixed(1)} s`);
  if (inp.reportHint) lines.push(`- full report: ${esc(inp.reportHint)}`);
  md.add('#### Data and settings\n\n' + lines.join('\n') + '\n\n');
  if (r.missing_tarballs.length > 0) {
    const items = r.missing_tarballs.map(
      (m) =>
        `index line ${m.line}: ${epCell(m.host, m.episode)} (${esc(m.path, 300)})${m.pruning ? ': already archived or deleted by the interrupted cis490-prune' : ''}`,
    );
    addList(md, items, { fold: `${r.missing_tarballs.length} index rows not scanned: tarball missing`, maxRows: 100, more });
  }
  if (r.index_problems.length > 0) {
    const items = r.index_problems.map((p) => `index line ${p.line}: ${esc(p.detail, 300)}`);
    addList(md, items, { fold: `${r.index_problems.length} index lines skipped`, maxRows: 100, more });
  }
}

/** Regressions: those the cause explains folded into one item, the rest listed. */
function regressionsSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const cmp = inp.comparison;
  if (!cmp || cmp.regressions.length === 0) return;
  const more = moreNote(inp.reportHint);
  md.add(`#### Regressions (${cmp.regressions.length})\n\n`);
  const items = regressionItems(inp, {
    cause: (t) => esc(t, 400),
    regression: regressionItem,
    flipsSection: 'Episodes that changed verdict',
  });
  addList(md, items, { maxRows: 100, more, share: 0.25 });
}

function warningsSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  if (inp.warnings.length === 0) return;
  md.add(`#### Warnings (${inp.warnings.length})\n\nPast the baseline's warn level, within its tolerance: these do not fail the gate.\n\n`);
  addList(md, inp.warnings.map(regressionItem), { maxRows: 50, more: moreNote(inp.reportHint), share: 0.2 });
}

/** The markdown of a summary model, capped at limitBytes. */
function improvementsSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const cmp = inp.comparison;
  if (!cmp || cmp.improvements.length === 0) return;
  md.add(
    `#### Improvements (${cmp.improvements.length})\n\nThese pass. If they are intended, update the baseline${inp.acceptCommand ? `: <code>${escHtml(inp.acceptCommand, 1000)}</code>` : ' with `episode-gate baseline`'}.\n\n`,
  );
  addList(md, cmp.improvements.map(regressionItem), {
    fold: cmp.improvements.length > 10 ? `${cmp.improvements.length} improvements` : null,
    maxRows: 200,
    more: moreNote(inp.reportHint),
    share: 0.3,
  });
}

/** What changed since the baseline: the settings table, the data and the tool version. */
function causeSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  const cause = inp.cause;
  if (!cause) return;
  if (!causeChanged(cause)) return;
  md.add(`#### What changed: ${esc(causeText(cause), 600)}\n\n`);
  if (cause.settings.length > 0) {
    const rows = cause.settings.map((c) => [
      esc(c.key),
      c.before === null ? '' : String(c.before),
      c.after === null ? '' : String(c.after),
    ]);
    addTable(md, ['setting', 'baseline', 'now'], ['---', '---:', '---:'], rows, { maxRows: 50, more: moreNote(inp.reportHint) });
  }
}

/** Which rules judged the run (snapshot, changed dataset, totals only) and why, in one line. */
function modeSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  if (inp.comparison) modeLine(md, inp.comparison);
}

/** Unchanged, modified, new and gone episodes, and the new cohort, when the dataset changed. */
function sinceBaselineSection(md: BudgetedMarkdown, inp: SummaryModel): void {
  changesSection(md, inp.changes, moreNote(inp.reportHint));
}

/** The sections under the lead, most telling first; each is independent of the others. */
const SECTIONS: ReadonlyArray<(md: BudgetedMarkdown, m: SummaryModel) => void> = [
  modeSection,
  regressionsSection,
  warningsSection,
  sinceBaselineSection,
  causeSection,
  casesSection,
  flipsSection,
  countsSection,
  reasonsSection,
  improvementsSection,
  sourcesSection,
  hostsSection,
  provenanceSection,
  flaggedSection,
];

/** The markdown of a summary model, capped at limitBytes. */
export function renderSummary(m: SummaryModel, limitBytes = DEFAULT_SUMMARY_LIMIT_BYTES): string {
  const limit = Math.max(limitBytes, MIN_SUMMARY_LIMIT_BYTES);
  const md = new BudgetedMarkdown(limit, RESERVE);
  md.add(lead(m));
  for (const section of SECTIONS) section(md, m);
  if (m.trend) md.add(trendMarkdown(m.trend.rows, m.trend));
  if (md.truncated) {
    const where = m.reportHint ? `the JSON report (${esc(m.reportHint, 120)})` : 'the JSON report (`episode-gate scan --report FILE`)';
    md.addReserved(`\n> [!NOTE]\n> This summary was cut to stay under ${limit} bytes; every episode is in ${where}.\n`);
  }
  return md.toString();
}

/** The summary of a gate outcome: its model, rendered. */
export function summaryMarkdown(o: GateOutcome, limitBytes = DEFAULT_SUMMARY_LIMIT_BYTES): string {
  return renderSummary(summaryModel(o), limitBytes);
}
