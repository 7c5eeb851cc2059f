/**
 * Summary sections for a dataset that changed since the baseline: which mode judged the run,
 * the four classes (counts and capped lists) and the new cohort's rates per host.
 */
import type { CohortResult, Tally } from '../gate/cohort.js';
import type { Comparison } from '../gate/compare.js';
import { BudgetedMarkdown, addList, addTable, esc } from './markdown.js';

function rate(t: Tally): string {
  return t.n === 0 ? '–' : `${((t.flagged * 100) / t.n).toFixed(1)}%`;
}

function tally(t: Tally): string {
  return `${t.flagged}/${t.n} (${rate(t)})`;
}

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
export function changesSection(md: BudgetedMarkdown, cmp: Comparison, more: (n: number) => string): void {
  const j = cmp.changes;
  if (!j || j.mode !== 'changing') return;
  const c = j.classes;
  md.add(
    `#### Since the baseline: ${c.added.length} new, ${c.gone.length} gone, ${c.missing.length > 0 ? `${c.missing.length} tarballs missing, ` : ''}${c.modified.length} modified, ${c.unchanged} unchanged\n\n`,
  );
  if (j.reported.length > 0)
    addList(
      md,
      j.reported.map((r) => esc(r.message, 600)),
      { maxRows: 20, more },
    );
  if (c.gone.length > 0) {
    const items = c.gone.map((g) => `${ep(g.host, g.episode)}: was ${verdict(g.before)}`);
    addList(md, items, { fold: `${c.gone.length} gone`, maxRows: 200, more });
  }
  if (c.missing.length > 0) {
    const items = c.missing.map((g) => `${ep(g.host, g.episode)}: was ${verdict(g.before)}; index row here, tarball missing`);
    addList(md, items, { fold: `${c.missing.length} tarballs missing`, maxRows: 200, more });
  }
  if (c.modified.length > 0) {
    const rows = c.modified.map((m) => [
      ep(m.host, m.episode),
      verdict(m.before),
      verdict(m.after),
      `${m.sha256Before.slice(0, 12)} → ${m.sha256After?.slice(0, 12) ?? 'unread'}`,
    ]);
    addTable(md, ['episode', 'before', 'now', 'sha256'], ['---', '---', '---', '---'], rows, {
      fold: `${c.modified.length} modified`,
      maxRows: 200,
      more,
    });
  }
  if (c.added.length > 0) {
    const rows = c.added.map((e) => [ep(e.host, e.episode), verdict(e.reasons)]);
    addTable(md, ['episode', 'verdict'], ['---', '---'], rows, { fold: `${c.added.length} new`, maxRows: 200, more });
  }
  if (j.cohort) cohortSection(md, j.cohort, more);
}

function cohortSection(md: BudgetedMarkdown, co: CohortResult, more: (n: number) => string): void {
  const s = co.settings;
  md.add(
    `#### New cohort: ${tally({ n: co.size, flagged: co.flagged })} flagged vs the baseline's ${co.against === 'arrivals' ? 'arrivals (episodes as first judged, pruned ones included) ' : ''}${tally(co.baseline)}\n\n` +
      (co.notJudged
        ? `Not tested: ${esc(co.notJudged, 300)}.\n\n`
        : `${co.tests.length} groups tested (all hosts and each host with at least ${s.minSize} new episodes, overall and per reason), one-sided exact test at ${((s.confidence ?? 0) * 100).toFixed(1)}% confidence for the whole family (Holm)${s.marginPp > 0 ? `, margin ${s.marginPp} pp` : ''}: ${co.alarms.length === 0 ? 'none is higher than chance explains' : `${co.alarms.length} higher than chance explains ❌`}.\n\n`),
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
