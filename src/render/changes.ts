/**
 * Summary sections for a dataset that changed since the baseline: which mode judged the run,
 * the four classes (counts and capped lists) and the new cohort's rates per host.
 */
import type { Comparison } from '../gate/compare.js';
import { BudgetedMarkdown, addList, addTable, esc } from './markdown.js';
import { tallyText as tally, type SummaryChanges } from './model.js';

function ep(host: string, episode: string): string {
  return `${esc(host, 80)}/${esc(episode, 160)}`;
}

function verdict(reasons: readonly string[]): string {
  return reasons.length === 0 ? 'kept' : `flagged (${reasons.map((r) => esc(r)).join(', ')})`;
}

/** One line: which rules judged the run, and why. */
export function modeLine(md: BudgetedMarkdown, cmp: Comparison): void {
  const label = cmp.mode === 'changing' ? 'changed dataset' : cmp.mode === 'snapshot' ? 'snapshot' : 'totals only';
  md.add(`**Mode: ${label}** — ${esc(cmp.modeWhy.replace(/^(changed dataset|snapshot): /, ''), 600)}.\n\n`);
}

/** The four classes with capped lists, then the cohort's tests (only when the dataset changed). */
export function changesSection(md: BudgetedMarkdown, c: SummaryChanges | null, more: (n: number) => string): void {
  if (!c) return;
  md.add(
    `#### Since the baseline: ${c.added} new, ${c.gone} gone, ${c.missing > 0 ? `${c.missing} ${c.missing === 1 ? 'tarball' : 'tarballs'} missing, ` : ''}${c.modified} modified, ${c.unchanged} unchanged\n\n`,
  );
  if (c.reported.length > 0)
    addList(
      md,
      c.reported.map((r) => esc(r, 600)),
      { maxRows: 20, more },
    );
  if (c.goneList.length > 0) {
    const items = c.goneList.map((g) => `${ep(g.host, g.episode)}: was ${verdict(g.reasons)}`);
    addList(md, items, { fold: `${c.gone} gone`, maxRows: 200, more });
  }
  if (c.missingList.length > 0) {
    const items = c.missingList.map((g) => `${ep(g.host, g.episode)}: was ${verdict(g.reasons)}; index row here, tarball missing`);
    addList(md, items, { fold: `${c.missing} ${c.missing === 1 ? 'tarball' : 'tarballs'} missing`, maxRows: 200, more });
  }
  if (c.modifiedList.length > 0) {
    const rows = c.modifiedList.map((m) => [
      ep(m.host, m.episode),
      verdict(m.before),
      verdict(m.after),
      `${m.sha256Before.slice(0, 12)} → ${m.sha256After?.slice(0, 12) ?? 'unread'}`,
    ]);
    addTable(md, ['episode', 'before', 'now', 'sha256'], ['---', '---', '---', '---'], rows, {
      fold: `${c.modified} modified`,
      maxRows: 200,
      more,
    });
  }
  if (c.addedList.length > 0) {
    const rows = c.addedList.map((e) => [ep(e.host, e.episode), verdict(e.reasons)]);
    addTable(md, ['episode', 'verdict'], ['---', '---'], rows, { fold: `${c.added} new`, maxRows: 200, more });
  }
  if (c.cohort) cohortSection(md, c.cohort, more);
}

function cohortSection(md: BudgetedMarkdown, co: NonNullable<SummaryChanges['cohort']>, more: (n: number) => string): void {
  const tested = co.notJudged || co.alarms.length === 0 ? co.tested : `${co.tested.slice(0, -1)} ❌.`;
  md.add(
    `#### New cohort: ${tally({ n: co.size, flagged: co.flagged })} flagged vs the baseline's ${co.against === 'arrivals' ? 'arrivals (episodes as first judged, pruned ones included) ' : ''}${tally(co.baseline)}\n\n${esc(tested, 600)}\n\n`,
  );
  if (co.alarms.length > 0) {
    const rows = co.alarms.map((t) => [
      t.host === null ? 'all' : esc(t.host, 80),
      t.reason === null ? 'any' : esc(t.reason),
      tally(t.baseline) + (t.baselineAllHosts ? ' (all hosts)' : ''),
      tally(t.cohort),
      t.p < 1e-4 ? t.p.toExponential(1) : t.p.toPrecision(2),
    ]);
    addTable(md, ['host', 'reason', 'baseline', 'new', 'p'], ['---', '---', '---:', '---:', '---:'], rows, { maxRows: 50, more });
  }
}

/** The host table's extra cells: the host's new-cohort rate against its baseline rate (null: no cohort). */
export function hostCohortCells(cmp: Comparison | null, host: string): string[] | null {
  const co = cmp?.changes?.cohort;
  if (!co) return null;
  const h = co.hosts.find((x) => x.host === host);
  if (!h) return ['', ''];
  const alarm = co.alarms.some((a) => a.host === host);
  return [h.cohort.n === 0 ? '' : tally(h.cohort) + (alarm ? ' ❌' : ''), h.baseline.n === 0 ? 'new host' : tally(h.baseline)];
}
