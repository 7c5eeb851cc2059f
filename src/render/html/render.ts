/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, no fetch) under a
 * Content-Security-Policy that allows nothing but its own stylesheet, by hash. Its size is
 * bounded whatever the dataset's: details for at most DETAIL_CAP episodes, one line each for at
 * most LIST_CAP more, at most HOST_CHART_CAP hosts in the chart and HOST_TABLE_CAP in the table.
 */
import { createHash } from 'node:crypto';
import { fmtBytes } from '../../classifier/stats.js';
import type { SourceName } from '../../classifier/types.js';
import { barChart, h, phaseBars, phaseColours, sparkline, spreadHistogram, trendChart } from './charts.js';
import type { HtmlEpisode, HtmlEpisodeLine, HtmlReportInput, HtmlSourceDetail } from './input.js';
import type { Tally } from '../../gate/cohort.js';
import type { Flip } from '../../gate/compare.js';
import { tallyText, verdictText } from '../model.js';
import { plural } from '../../shared/text.js';

const HOST_CHART_CAP = 40;
export const HOST_TABLE_CAP = 500;
/** The title of the section that lists the flipped and flagged episodes (the regressions list points to it). */
export const FLIPS_SECTION = 'Flipped and flagged episodes';

/** How a source's values read: CPU percentage points, bytes, load. */
export interface SourceFormat {
  title: string;
  /** A per-phase value. */
  fmt: (v: number) => string;
  /** A spread or threshold, when it reads otherwise than a value (CPU% values, percentage-point spreads). */
  spread?: (v: number) => string;
  /** An axis tick of the spread histogram. */
  tick?: (v: number) => string;
}

export const SOURCE_FORMAT: Record<SourceName, SourceFormat> = {
  proc: {
    title: 'proc CPU%',
    fmt: (v) => `${v.toFixed(1)}%`,
    spread: (v) => `${v.toFixed(1)} pp`,
    tick: (v) => `${Number(v.toPrecision(2))} pp`,
  },
  netflow: { title: 'netflow bytes', fmt: (v) => (Math.abs(v) < 1024 ? `${Math.round(v)} B` : fmtBytes(v)) },
  qmp: { title: 'qmp block I/O', fmt: (v) => (Math.abs(v) < 1024 ? `${Math.round(v)} B` : fmtBytes(v)) },
  guest: { title: 'guest load_1m', fmt: (v) => v.toFixed(2), tick: (v) => String(Number(v.toPrecision(2))) },
};

const STYLE = `
:root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--panel:#f6f8fa;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--info:#0969da}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1160px;margin:0 auto;padding:20px 24px 60px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:16px 0 6px}
.muted{color:var(--muted)}
.verdict{border-radius:8px;padding:14px 18px;margin:12px 0 16px;border:1px solid var(--line);border-left-width:6px}
.verdict.passed{border-left-color:var(--ok)}.verdict.failed{border-left-color:var(--bad);background:#fff5f5}
.verdict.warn{border-left-color:var(--warn);background:#fffbeb}.verdict.report-only{border-left-color:var(--info)}
.verdict .head{font-size:17px;font-weight:600}.verdict .cause,.verdict .effect,.verdict .accept{margin-top:6px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:140px;background:var(--panel)}
.card .v{font-size:24px;font-weight:600}.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .d{font-size:12px;color:var(--muted)}
.bad{color:var(--bad)}.ok{color:var(--ok)}
#changes h2{margin-top:16px}#changes .mode{margin:0 0 10px}
.changes-grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px;align-items:start}
#changes .card{min-width:90px;padding:6px 12px}#changes .card .v{font-size:20px}
#changes details.ep{margin:0 0 8px}#changes details.ep>summary{font-weight:600}
#changes .cohort h3{margin-top:12px}#changes table.alarms{margin-top:10px}
tr.alarm td{background:#fff5f5}
.row{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.row>*{flex:0 1 auto}
table{border-collapse:collapse;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code,.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;overflow-wrap:anywhere}
ul.msgs{margin:6px 0;padding-left:20px}
.chart text{font-size:11px;fill:var(--fg)}
.chart .tick{font-size:10px;fill:var(--muted)}.chart .thr{fill:var(--bad)}
.chart .bin{fill:#6e9fd8}
.chart .axis{stroke:var(--line)}
.chart .threshold{stroke:var(--bad);stroke-width:2}
.chart .threshold-old{stroke:var(--warn);stroke-width:2;stroke-dasharray:4 3}
.chart .band{fill:#cf222e;fill-opacity:.08;stroke:none}
.chart .spark-run{fill:none;stroke-width:1.6;stroke-linejoin:round}
.chart .trend-line{fill:none;stroke:var(--info);stroke-width:2}.chart .trend-point{fill:var(--info)}.chart .trend-point.failed{fill:var(--bad)}
.sources{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:16px}
.panel{border:1px solid var(--line);border-radius:8px;padding:10px 14px}
details.ep{border:1px solid var(--line);border-radius:8px;margin:8px 0;background:var(--bg)}
details.ep>summary{cursor:pointer;padding:8px 12px;list-style-position:inside}
details.ep[open]>summary{border-bottom:1px solid var(--line);background:var(--panel)}
details.ep .body{padding:10px 14px}
.tag{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;border:1px solid var(--line);margin-left:4px}
.tag.flagged{color:var(--bad);border-color:#f3b3b3}.tag.kept{color:var(--ok);border-color:#a8dcb5}
.tag.flip{color:var(--warn);border-color:#e9cf84}
.srcs{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px;margin-top:8px}
.src svg{width:100%;height:auto;display:block;margin-top:4px}
.src{border:1px solid var(--line);border-radius:6px;padding:8px 10px}
.src .st{font-weight:600}.st.signal{color:var(--ok)}.st.flat{color:var(--bad)}.st.unknown{color:var(--muted)}
.legend{font-size:12px;color:var(--muted);margin:4px 0}
.legend svg{vertical-align:middle;margin:0 3px 0 8px}
footer{margin-top:40px;color:var(--muted);font-size:12px}
`;

function styleHash(): string {
  return 'sha256-' + createHash('sha256').update(STYLE).digest('base64');
}

function delta(cur: number, base: number | null): string {
  if (base === null) return '';
  const d = cur - base;
  return `<div class="d">baseline ${base} (${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)})</div>`;
}

function header(inp: HtmlReportInput): string {
  const hd = inp.header;
  return (
    `<h1>episode-gate report</h1><div class="muted">${h(inp.tool)} · ${h(inp.generatedAt)} · dataset <code>${h(inp.dataset)}</code>${hd.baseline ? ` · baseline <code>${h(hd.baseline)}</code>` : ''}</div>` +
    `<section class="verdict ${hd.status}" id="verdict"><div class="head">${h(hd.headline)}</div>${hd.effect ? `<div class="effect">${h(hd.effect)}</div>` : ''}${hd.command ? `<div class="accept">${h(hd.command.label)}: <code>${h(hd.command.text)}</code></div>` : ''}${hd.cause ? `<div class="cause">${h(hd.cause)}</div>` : ''}</section>`
  );
}

function counts(inp: HtmlReportInput): string {
  const { current: c, baseline: b, matched: m, added: a } = inp.counts;
  // On a changed dataset, what the rules judge (the episodes in both) and the new ones, under the whole.
  const scope = (k: keyof typeof c): string =>
    m && a
      ? `<div class="d">in both ${k === 'scanned' ? m.current.scanned : `${m.baseline[k]} → ${m.current[k]}`} · new ${a[k]}</div>`
      : '';
  const card = (k: keyof typeof c, v: number, base: number | null): string =>
    `<div class="card" data-key="${k}"><div class="k">${k}</div><div class="v">${v}</div>${delta(v, base)}${scope(k)}</div>`;
  const list = (title: string, items: string[], total = items.length): string =>
    items.length
      ? `<h3>${h(title)} (${total})</h3><ul class="msgs">${items
          .slice(0, 100)
          .map((m) => `<li>${h(m)}</li>`)
          .join('')}${items.length > 100 ? `<li class="muted">… and ${items.length - 100} more</li>` : ''}</ul>`
      : '';
  return (
    `<section id="counts"><h2>Counts</h2><div class="cards">${card('scanned', c.scanned, b?.scanned ?? null)}${card('kept', c.kept, b?.kept ?? null)}${card('flagged', c.flagged, b?.flagged ?? null)}</div>` +
    (inp.countsScope ? `<p class="muted scope">${h(inp.countsScope)}</p>` : '') +
    list('Regressions', inp.regressions.items, inp.regressions.total) +
    list('Improvements', inp.improvements) +
    `</section>`
  );
}

/** Lists longer than this are folded (closed) in the changes section. */
const OPEN_MAX = 5;
/** Rows shown per list in the changes section; the JSON report's comparison has every id. */
const CHANGE_LIST_CAP = 500;

function tallyCell(t: Tally): string {
  return `<td class="n">${h(tallyText(t))}</td>`;
}

/** A list of the changes section: a table in a <details>, open when short. */
function changeList(key: string, title: string, head: string[], rows: string[][], hint: string): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, CHANGE_LIST_CAP);
  const cut = rows.length - shown.length;
  return (
    `<details class="ep" data-list="${key}"${rows.length <= OPEN_MAX ? ' open' : ''}><summary>${h(title)}</summary><div class="body">` +
    `<table><thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${shown.map((r) => `<tr>${r.join('')}</tr>`).join('')}</tbody></table>` +
    (cut > 0 ? `<p class="muted">… and ${cut} more: see ${hint}.</p>` : '') +
    `</div></details>`
  );
}

const idCell = (host: string, episode: string): string => `<td class="id">${h(host)}/${h(episode)}</td>`;
const verdictCell = (reasons: readonly string[]): string =>
  `<td><span class="tag ${reasons.length === 0 ? 'kept' : 'flagged'}">${h(verdictText(reasons))}</span></td>`;

const FLIP_TEXT: Record<Flip['kind'], string> = {
  'kept-to-flagged': 'kept → flagged',
  'flagged-to-kept': 'flagged → kept',
  'reasons-changed': 'other reasons',
};

/** What changed in the dataset since the baseline: the summary model's, as the markdown summary shows it. */
function changes(inp: HtmlReportInput): string {
  const c = inp.changes;
  if (!c) return '';
  const hint = inp.reportHint
    ? `the JSON report (${h(inp.reportHint)}), comparison.classes`
    : 'the JSON report (check --report-out FILE), comparison.classes';
  const card = (k: string, v: number): string =>
    `<div class="card" data-key="${k}"><div class="k">${k}</div><div class="v">${v}</div></div>`;
  let cohort = '';
  const co = c.cohort;
  if (co) {
    const TEST = { alarm: 'higher than chance explains', within: 'within chance', untested: 'not tested' } as const;
    const rows = co.hosts
      .map(
        (x) =>
          `<tr data-host="${h(x.host)}" class="${x.test}"><td class="id">${h(x.host)}</td>${x.cohort.n === 0 ? '<td class="n"></td>' : tallyCell(x.cohort)}${x.newHost ? '<td class="n">new host</td>' : tallyCell(x.baseline)}<td>${x.test === 'alarm' ? `<span class="tag flagged">${TEST.alarm}</span>` : h(TEST[x.test])}</td></tr>`,
      )
      .join('');
    const alarms = co.alarms.length
      ? `<table class="alarms"><thead><tr><th>host</th><th>reason</th><th class="n">baseline</th><th class="n">new</th><th class="n">p</th></tr></thead><tbody>${co.alarms
          .slice(0, 50)
          .map(
            (t) =>
              `<tr><td class="id">${t.host === null ? 'all' : h(t.host)}</td><td>${t.reason === null ? 'any' : h(t.reason)}</td><td class="n">${h(tallyText(t.baseline))}${t.baselineAllHosts ? ' (all hosts)' : ''}</td>${tallyCell(t.cohort)}<td class="n">${t.p < 1e-4 ? t.p.toExponential(1) : t.p.toPrecision(2)}</td></tr>`,
          )
          .join('')}</tbody></table>`
      : '';
    cohort =
      `<div class="cohort"><h3>New cohort: ${h(tallyText({ n: co.size, flagged: co.flagged }))} flagged vs the baseline's ${co.against === 'arrivals' ? 'arrivals (episodes as first judged, pruned ones included) ' : ''}${h(tallyText(co.baseline))}</h3>` +
      `<p class="${co.alarms.length ? 'bad' : 'muted'}">${h(co.tested)}</p>` +
      `<table class="cohort-hosts"><thead><tr><th>host</th><th class="n">new: flagged</th><th class="n">baseline: flagged</th><th>test</th></tr></thead><tbody>${rows}</tbody></table>${alarms}</div>`;
  }
  const lists =
    changeList(
      'gone',
      `${c.gone} gone`,
      ['episode', 'in the baseline'],
      c.goneList.map((g) => [idCell(g.host, g.episode), verdictCell(g.reasons)]),
      hint,
    ) +
    changeList(
      'missing',
      `${c.missing} ${c.missing === 1 ? 'tarball' : 'tarballs'} missing (index row here: lost, not pruned)`,
      ['episode', 'in the baseline'],
      c.missingList.map((g) => [idCell(g.host, g.episode), verdictCell(g.reasons)]),
      hint,
    ) +
    changeList(
      'modified',
      `${c.modified} modified (same id, other bytes)`,
      ['episode', 'before', 'now', 'sha256'],
      c.modifiedList.map((m) => [
        idCell(m.host, m.episode),
        verdictCell(m.before),
        verdictCell(m.after),
        `<td><code>${h(m.sha256Before.slice(0, 12))} → ${h(m.sha256After?.slice(0, 12) ?? 'unread')}</code></td>`,
      ]),
      hint,
    ) +
    changeList(
      'flipped',
      `${c.flips.length} in both with another verdict`,
      ['episode', 'flip', 'before', 'now'],
      c.flips.map((f) => [
        idCell(f.host, f.episode),
        `<td><span class="tag flip">${FLIP_TEXT[f.kind]}</span></td>`,
        verdictCell(f.before),
        verdictCell(f.after),
      ]),
      `"${FLIPS_SECTION}" below`,
    ) +
    changeList(
      'new',
      `${c.added} new`,
      ['episode', 'verdict'],
      c.addedList.map((e) => [idCell(e.host, e.episode), verdictCell(e.reasons)]),
      hint,
    );
  // Two columns: the counts and the cohort on the left, the lists beside them, so both lead the page.
  return (
    `<section id="changes"><h2>Since the baseline: ${c.added} new, ${c.gone} gone, ${c.missing > 0 ? `${c.missing} ${c.missing === 1 ? 'tarball' : 'tarballs'} missing, ` : ''}${c.modified} modified, ${c.unchanged} unchanged</h2>` +
    `<p class="muted mode">Mode: changed dataset — ${h(c.why)}.</p>` +
    `<div class="changes-grid"><div><div class="cards">${card('new', c.added)}${card('gone', c.gone)}${c.missing > 0 ? card('tarballs missing', c.missing) : ''}${card('modified', c.modified)}${card('unchanged', c.unchanged)}</div>${cohort}</div>` +
    `<div>${lists}${c.reported.length ? `<ul class="msgs">${c.reported.map((r) => `<li>${h(r)}</li>`).join('')}</ul>` : ''}</div></div>` +
    `</section>`
  );
}

function byReason(inp: HtmlReportInput): string {
  const withBase = inp.byReason.some((r) => r.baseline !== null);
  const chart = barChart(
    inp.byReason.map((r) => ({ label: r.reason, value: r.current })),
    { cls: 'by-reason', title: 'flagged episodes by reason', colour: '#d64545' },
  );
  const scoped = inp.byReason.some((r) => r.matched !== null);
  const rows = inp.byReason
    .map(
      (r) =>
        `<tr><td>${h(r.reason)}</td><td class="n">${r.current}</td>${withBase ? `<td class="n">${r.baseline ?? ''}</td>` : ''}` +
        (scoped
          ? `<td class="n">${r.matched ? `${r.matched.baseline} → ${r.matched.current}` : ''}</td><td class="n">${r.added ?? ''}</td>`
          : '') +
        `</tr>`,
    )
    .join('');
  const head = `<th>reason</th><th class="n">episodes</th>${withBase ? '<th class="n">baseline</th>' : ''}${scoped ? '<th class="n">in both: baseline → now</th><th class="n">new</th>' : ''}`;
  const note = scoped
    ? ' Episodes and baseline are the whole scan and the whole baseline (its gone episodes included); the rules judge the episodes in both, and the new ones as a cohort.'
    : '';
  return `<section id="by-reason"><h2>Flagged by reason</h2><div class="row">${chart}<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div><p class="muted">An episode with two reasons counts under both.${note}</p></section>`;
}

function hosts(inp: HtmlReportInput): string {
  const shown = [...inp.hosts].sort((a, b) => b.scanned - a.scanned || (a.host < b.host ? -1 : 1));
  const chart = barChart(
    shown.slice(0, HOST_CHART_CAP).map((x) => ({ label: x.host, value: x.kept, value2: x.flagged })),
    { cls: 'hosts', title: 'kept and flagged per host', colour: '#2e9d5b', colour2: '#d64545' },
  );
  const rows = shown
    .slice(0, HOST_TABLE_CAP)
    .map(
      (x) =>
        `<tr><td class="id">${h(x.host)}</td><td class="n">${x.scanned}</td><td class="n">${x.kept}</td><td class="n">${x.flagged}</td></tr>`,
    )
    .join('');
  const more = (cap: number, what: string): string =>
    shown.length > cap
      ? `<p class="muted">The ${what} shows the ${cap} largest of ${shown.length} hosts; the JSON report has them all.</p>`
      : '';
  return `<section id="hosts"><h2>Per host</h2><div class="legend"><svg width="10" height="10"><rect width="10" height="10" fill="#2e9d5b"/></svg>kept<svg width="10" height="10"><rect width="10" height="10" fill="#d64545"/></svg>flagged</div><div class="row">${chart}<table><thead><tr><th>host</th><th class="n">scanned</th><th class="n">kept</th><th class="n">flagged</th></tr></thead><tbody>${rows}</tbody></table></div>${more(HOST_CHART_CAP, 'chart')}${more(HOST_TABLE_CAP, 'table')}</section>`;
}

function sources(inp: HtmlReportInput): string {
  const panels = inp.sources.map((s) => {
    const { title, fmt: valueFmt, spread, tick } = SOURCE_FORMAT[s.source];
    const fmt = spread ?? valueFmt;
    const hist = spreadHistogram(s.spreads, s.threshold, s.oldThreshold, fmt, tick);
    const moved = s.oldThreshold !== null ? ` (baseline: ${h(fmt(s.oldThreshold))}, dashed)` : '';
    return `<div class="panel" data-source="${s.source}"><h3>${h(title)}: spread per episode</h3>${hist.svg}<div class="muted">threshold ${h(fmt(s.threshold))}${moved} · signal ${s.signal} · flat ${s.flat} · no data ${s.unknown} · <b>${plural(hist.near, 'episode')}</b> within ×2 of the threshold</div></div>`;
  });
  const changes = inp.settingsChanges.length
    ? `<h3>Settings changed since the baseline</h3><table><thead><tr><th>setting</th><th class="n">baseline</th><th class="n">now</th></tr></thead><tbody>${inp.settingsChanges.map((c) => `<tr><td><code>${h(c.key)}</code></td><td class="n">${c.before ?? '—'}</td><td class="n">${c.after ?? '—'}</td></tr>`).join('')}</tbody></table>`
    : '';
  return `<section id="sources"><h2>Telemetry sources</h2><p class="muted">A source is <i>signal</i> when its per-phase values spread by at least the threshold; an episode is flat-cpu when every source with data is flat. Spreads on a log scale; spreads of 0 at the left.</p><div class="sources">${panels.join('')}</div>${changes}</section>`;
}

function tags(e: HtmlEpisodeLine): string {
  const flip = e.flip
    ? `<span class="tag flip">${h(e.flip === 'reasons-changed' ? 'reasons changed' : `${verdictText(e.before ?? [])} → ${e.verdict}`)}</span>`
    : '';
  return `<span class="tag ${e.verdict}">${h(verdictText(e.reasons))}</span>${flip}`;
}

function sourcePanel(s: HtmlSourceDetail, colours: ReadonlyMap<string, string>): string {
  const { title, fmt, spread } = SOURCE_FORMAT[s.source];
  return (
    `<div class="src" data-source="${s.source}"><div><span class="st ${s.status}">${h(title)}: ${s.status}</span></div><div class="muted">${h(s.why)}</div>` +
    phaseBars(s.phases, s.threshold, colours, fmt, spread ?? fmt) +
    sparkline(s.series, colours) +
    `</div>`
  );
}

function episode(e: HtmlEpisode): string {
  const names = [...(e.sources ?? []).flatMap((s) => [...s.phases.map((p) => p.phase), ...s.series.map((p) => p.phase)])];
  const colours = phaseColours(names);
  const legend = [...colours]
    .map(([name, c]) => `<svg width="10" height="10"><rect width="10" height="10" fill="${c}"/></svg>${h(name)}`)
    .join('');
  const body =
    `<div class="muted">sample ${e.sample === null ? '<i>none</i>' : `<code>${h(e.sample)}</code>`}</div>` +
    `<ul class="msgs">${e.why.map((w) => `<li>${h(w)}</li>`).join('')}</ul>` +
    (e.note ? `<p class="muted">${h(e.note)}</p>` : '') +
    (e.sources
      ? `<div class="legend">phases:${legend}</div><div class="srcs">${e.sources.map((s) => sourcePanel(s, colours)).join('')}</div>`
      : '');
  return `<details class="ep" data-episode="${h(`${e.host}/${e.episode}`)}"><summary><span class="id">${h(e.host)}/${h(e.episode)}</span> ${tags(e)}</summary><div class="body">${body}</div></details>`;
}

function episodes(inp: HtmlReportInput): string {
  const total = inp.detailed.length + inp.beyondDetailed;
  if (total === 0) return `<section id="episodes"><h2>${FLIPS_SECTION}</h2><p class="muted">None.</p></section>`;
  const listed = inp.listed.length
    ? `<h3>${plural(inp.beyondDetailed, 'more episode')}</h3><table class="listed"><thead><tr><th>episode</th><th>verdict</th><th>sample</th></tr></thead><tbody>${inp.listed.map((e) => `<tr><td class="id">${h(e.host)}/${h(e.episode)}</td><td>${tags(e)}</td><td><code>${h(e.sample ?? '')}</code></td></tr>`).join('')}</tbody></table>`
    : '';
  const cut = inp.beyondDetailed - inp.listed.length;
  const where = inp.reportHint ? `the JSON report (${h(inp.reportHint)})` : 'the JSON report (episode-gate scan --report FILE)';
  return (
    `<section id="episodes"><h2>${FLIPS_SECTION} (${total})</h2><p class="muted">Flipped episodes first. Open one to see, per source, a bar per phase against the threshold band (a bar above the band makes the source signal) and the raw series coloured by phase. <code>episode-gate explain HOST/EPISODE</code> shows the same in a terminal.</p>` +
    inp.detailed.map(episode).join('') +
    listed +
    (cut > 0 ? `<p class="muted">… and ${cut} more: see ${where}.</p>` : '') +
    `</section>`
  );
}

function trend(inp: HtmlReportInput): string {
  if (inp.trend.length === 0) return '';
  const anyGate = inp.trend.some((p) => p.gate);
  const gateCell = (g: 'passed' | 'failed' | undefined): string =>
    anyGate ? `<td${g ? ` class="${g === 'failed' ? 'bad' : 'ok'}"` : ''}>${g ?? ''}</td>` : '';
  const rows = inp.trend
    .map((p) => `<tr><td>${h(p.label)}</td>${gateCell(p.gate)}<td class="n">${p.scanned}</td><td class="n">${p.flagged}</td></tr>`)
    .slice(-50)
    .join('');
  return `<section id="trend"><h2>Trend</h2><div class="row">${trendChart(inp.trend)}<table><thead><tr><th>run</th>${anyGate ? '<th>gate</th>' : ''}<th class="n">scanned</th><th class="n">flagged</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

export function renderHtmlReport(inp: HtmlReportInput): string {
  const csp = `default-src 'none'; style-src '${styleHash()}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>episode-gate: ${h(inp.header.headline)}</title><style>${STYLE}</style></head><body><main>` +
    header(inp) +
    changes(inp) +
    counts(inp) +
    byReason(inp) +
    hosts(inp) +
    sources(inp) +
    episodes(inp) +
    trend(inp) +
    `<footer>Written by ${h(inp.tool)}. Self-contained: no script, no network; open it from disk.</footer>` +
    `</main></body></html>\n`
  );
}
