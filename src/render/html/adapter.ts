/**
 * The HTML report's input from what a gate run has: its report, the comparison with a baseline
 * (or none) and the decision, plus the details read again for the episodes shown in full.
 */
import { SOURCE_NAMES, type SourceName } from '../../classifier/types.js';
import type { Flip } from '../../gate/compare.js';
import type { DetailLookup } from '../../gate/episode-detail.js';
import { episodeKey, explain, type Report, type ReportEpisode } from '../../gate/report.js';
import type { GateOutcome } from '../../gate/run.js';
import { regressionItems, summaryModel, type SummaryModel, type SummaryStatus } from '../model.js';
import type { HtmlEpisode, HtmlEpisodeLine, HtmlReportInput, HtmlTrendPoint } from './input.js';
import { FLIPS_SECTION } from './render.js';
import { plural } from '../../shared/text.js';

/** Episodes shown with their drill-down. */
export const DETAIL_CAP = 200;
/** Episodes listed one line each beyond those (the JSON report has them all). */
export const LIST_CAP = 5000;

/**
 * A gate run (its outcome, from which the header comes through the summary model the markdown
 * renders too), or a scan that was not judged.
 */
export type HtmlGateRun = GateOutcome | { report: Report; comparison: null; passed: true; failReason: null };

const SETTING_OF: Record<SourceName, string> = {
  proc: 'procSpreadPct',
  netflow: 'netflowSpreadBytes',
  qmp: 'qmpSpreadBytes',
  guest: 'guestSpreadLoad',
};

interface Pick {
  ep: ReportEpisode;
  flip: Flip | null;
}

/** Flipped episodes first (report order), then the other flagged ones: the order of the report's episode section. */
function ordered(run: HtmlGateRun): Pick[] {
  const flips = new Map((run.comparison?.flips ?? []).map((f) => [episodeKey(f.host, f.episode), f]));
  const first: Pick[] = [];
  const rest: Pick[] = [];
  const seen = new Set<string>();
  for (const ep of run.report.episodes) {
    const key = episodeKey(ep.host, ep.episode);
    if (seen.has(key)) continue;
    seen.add(key);
    const flip = flips.get(key) ?? null;
    if (flip) first.push({ ep, flip });
    else if (ep.verdict === 'flagged') rest.push({ ep, flip: null });
  }
  return [...first, ...rest];
}

/** The episodes the report shows in detail (whose details to read), at most `cap`. */
export function episodesToDetail(run: HtmlGateRun, cap = DETAIL_CAP): Array<{ host: string; episode: string }> {
  return ordered(run)
    .slice(0, cap)
    .map(({ ep }) => ({ host: ep.host, episode: ep.episode }));
}

function line({ ep, flip }: Pick): HtmlEpisodeLine {
  return {
    host: ep.host,
    episode: ep.episode,
    verdict: ep.verdict,
    reasons: [...ep.reasons],
    flip: flip?.kind ?? null,
    before: flip ? [...flip.before] : null,
    sample: ep.sample,
  };
}

const STATUS: Record<SummaryStatus, HtmlReportInput['header']['status']> = {
  failed: 'failed',
  'not-enforced': 'warn',
  warned: 'warn',
  passed: 'passed',
  'report-only': 'report-only',
};

/** The verdict header: the summary model's three lines, as the job summary leads with them. */
function headerOf(run: HtmlGateRun, model: SummaryModel | null): HtmlReportInput['header'] {
  if (!model) {
    const c = run.report.counts;
    return {
      status: 'report-only',
      headline: `Report only: ${c.scanned} scanned, ${c.kept} kept, ${c.flagged} flagged; no baseline given, nothing compared`,
      cause: null,
      effect: null,
      command: null,
      baseline: null,
    };
  }
  const lead = model.lead;
  // The fail reason under the headline, unless the headline already is it (it leads with a change
  // only where the regressions are that change's flips).
  const failReason = lead.status === 'failed' ? model.failReason : null;
  return {
    status: STATUS[lead.status],
    headline: lead.headline,
    cause: failReason !== null && !lead.headline.includes(failReason) ? failReason : null,
    effect: lead.effect,
    command: lead.command ? { label: lead.commandLabel ?? 'Accept', text: lead.command } : null,
    baseline: model.baselineName,
  };
}

function tallyCounts(reasons: Iterable<readonly string[]>): { scanned: number; kept: number; flagged: number } {
  const c = { scanned: 0, kept: 0, flagged: 0 };
  for (const r of reasons) {
    c.scanned++;
    c[r.length === 0 ? 'kept' : 'flagged']++;
  }
  return c;
}

/**
 * The whole scan against the whole baseline. On a changed dataset the comparison's totals are
 * of the episodes in both; the baseline's whole is those plus the gone ones, and the scan's
 * those plus the new ones.
 */
function countsOf(run: HtmlGateRun, model: SummaryModel | null): HtmlReportInput['counts'] {
  const cmp = run.comparison;
  const ch = model?.changes;
  if (!cmp || !ch) return { current: run.report.counts, baseline: cmp?.counts.baseline ?? null, matched: null, added: null };
  // The baseline's whole: those in both, the gone ones and those whose tarball is missing.
  const gone = tallyCounts([...ch.goneList, ...ch.missingList].map((g) => g.reasons));
  const b = cmp.counts.baseline;
  return {
    current: run.report.counts,
    baseline: { scanned: b.scanned + gone.scanned, kept: b.kept + gone.kept, flagged: b.flagged + gone.flagged },
    matched: { baseline: b, current: cmp.counts.current },
    added: tallyCounts(ch.addedList.map((e) => e.reasons)),
  };
}

/** Per reason, the same scopes as the counts. */
function reasonsOf(run: HtmlGateRun, model: SummaryModel | null): HtmlReportInput['byReason'] {
  const { report, comparison: cmp } = run;
  if (!cmp)
    return Object.entries(report.by_reason).map(([reason, current]) => ({ reason, current, baseline: null, added: null, matched: null }));
  const ch = model?.changes;
  const countOf = (list: ReadonlyArray<{ reasons: readonly string[] }>, reason: string): number =>
    list.reduce((n, e) => n + (e.reasons.includes(reason) ? 1 : 0), 0);
  return cmp.reasons.map((r) =>
    ch
      ? {
          reason: r.reason,
          current: report.by_reason[r.reason] ?? r.current + countOf(ch.addedList, r.reason),
          baseline: r.baseline + countOf(ch.goneList, r.reason) + countOf(ch.missingList, r.reason),
          added: countOf(ch.addedList, r.reason),
          matched: { baseline: r.baseline, current: r.current },
        }
      : { reason: r.reason, current: report.by_reason[r.reason] ?? r.current, baseline: r.baseline, added: null, matched: null },
  );
}

export function htmlReportInput(
  run: HtmlGateRun,
  details: ReadonlyMap<string, DetailLookup>,
  opts: { reportHint?: string | null; trend?: HtmlTrendPoint[]; detailCap?: number; listCap?: number } = {},
): HtmlReportInput {
  const { report, comparison: cmp } = run;
  const model = 'failOn' in run ? summaryModel(run) : null;
  const cap = opts.detailCap ?? DETAIL_CAP;
  const picks = ordered(run);
  const detailed: HtmlEpisode[] = picks.slice(0, cap).map((p) => {
    const found = details.get(episodeKey(p.ep.host, p.ep.episode));
    const d = found?.ok ? found.detail : null;
    return {
      ...line(p),
      why: explain(p.ep),
      sources: d?.sources ? SOURCE_NAMES.map((source) => ({ source, ...d.sources![source] })) : null,
      note:
        found && !found.ok
          ? found.why
          : d && !d.sources
            ? d.unreadable
              ? null
              : 'no labels: no per-phase values'
            : found
              ? null
              : 'per-phase values not read',
    };
  });
  const beyond = picks.slice(cap);
  const spreads = Object.fromEntries(SOURCE_NAMES.map((n) => [n, [] as number[]])) as Record<SourceName, number[]>;
  for (const ep of report.episodes) {
    const src = ep.evidence?.sources;
    if (!src) continue;
    for (const n of SOURCE_NAMES) {
      const s = src[n].spread;
      if (s !== null && src[n].status !== 'unknown') spreads[n].push(s);
    }
  }
  const changes = cmp?.settingsChanges ?? [];
  return {
    tool: `${report.tool.name} ${report.tool.version}`,
    generatedAt: report.generated_at,
    dataset: report.dataset.index,
    header: headerOf(run, model),
    counts: countsOf(run, model),
    changes: model?.changes ?? null,
    // The job summary's list, from the same model: the totals the cause explains are one item.
    regressions: {
      total: cmp?.regressions.length ?? 0,
      items: model ? regressionItems(model, { cause: (t) => t, regression: (r) => r.message, flipsSection: FLIPS_SECTION }) : [],
    },
    improvements: (cmp?.improvements ?? []).map((r) => r.message),
    byReason: reasonsOf(run, model),
    countsScope: model?.changes
      ? `The dataset changed since the baseline: each count is the whole scan against the baseline's ${plural(model.changes.gone + model.changes.missing + cmp!.counts.baseline.scanned, 'episode')}${model.changes.gone > 0 ? ` (the ${model.changes.gone} gone included)` : ''}${model.changes.missing > 0 ? ` (the ${model.changes.missing} whose tarball is missing included)` : ''}; the rules judge the ${cmp!.counts.baseline.scanned} in both ("in both": baseline → now), and the ${model.changes.added} new as a cohort.`
      : null,
    hosts: Object.entries(report.hosts).map(([host, c]) => ({ host, ...c })),
    sources: SOURCE_NAMES.map((source) => {
      const change = changes.find((c) => c.key === SETTING_OF[source]);
      return {
        source,
        threshold: report.settings[SETTING_OF[source] as keyof Report['settings']],
        oldThreshold: change?.before ?? null,
        spreads: spreads[source],
        ...report.sources[source],
      };
    }),
    settingsChanges: changes,
    detailed,
    listed: beyond.slice(0, opts.listCap ?? LIST_CAP).map(line),
    beyondDetailed: beyond.length,
    trend: opts.trend ?? [],
    reportHint: opts.reportHint ?? null,
  };
}
