/**
 * Inline SVG charts for the HTML report. Hand-written: a few rectangles and polylines each, where
 * a charting library would need script (blocked by the report's CSP) or weigh more than the page.
 * Colours are presentation attributes (allowed under a CSP without 'unsafe-inline'); every label
 * is escaped.
 */
import type { SeriesPoint } from '../../classifier/series.js';
import type { PhaseValue } from '../../classifier/types.js';

export function h(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Short numbers for SVG coordinates. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

const KNOWN_PHASES: Record<string, string> = {
  '(pre)': '#9aa0a6',
  clean: '#2e9d5b',
  infecting: '#e3a21a',
  infected_running: '#d64545',
  dormant: '#3b7dd8',
};
const PALETTE = ['#8e5ad6', '#14a3a3', '#c2417f', '#7a8b2c', '#b8692d', '#5065c9'];

/** A colour per phase name: the usual phases keep theirs, others take the palette in order. */
export function phaseColours(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let next = 0;
  for (const name of names) {
    if (out.has(name)) continue;
    out.set(name, KNOWN_PHASES[name] ?? PALETTE[next++ % PALETTE.length]!);
  }
  return out;
}

export interface Bar {
  label: string;
  value: number;
  /** A second value drawn stacked after the first (e.g. flagged after kept). */
  value2?: number;
}

/** Horizontal bars, one row per item: a label, the bar, the number. */
export function barChart(bars: readonly Bar[], opts: { cls: string; title: string; colour: string; colour2?: string }): string {
  const rowH = 22;
  const labelW = 170;
  const barW = 300;
  const width = labelW + barW + 70;
  const height = bars.length * rowH + 6;
  const max = Math.max(1, ...bars.map((b) => b.value + (b.value2 ?? 0)));
  const rows = bars.map((b, i) => {
    const y = i * rowH + 4;
    const w1 = (b.value / max) * barW;
    const w2 = ((b.value2 ?? 0) / max) * barW;
    const label = b.label.length > 26 ? b.label.slice(0, 25) + '…' : b.label;
    const total = b.value + (b.value2 ?? 0);
    return (
      `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end" class="lbl">${h(label)}</text>` +
      `<rect class="bar" data-label="${h(b.label)}" data-count="${b.value}" x="${labelW}" y="${y}" width="${n(w1)}" height="${rowH - 6}" fill="${opts.colour}"><title>${h(b.label)}: ${b.value}</title></rect>` +
      (b.value2 !== undefined
        ? `<rect class="bar2" data-count="${b.value2}" x="${n(labelW + w1)}" y="${y}" width="${n(w2)}" height="${rowH - 6}" fill="${opts.colour2 ?? '#d64545'}"><title>${h(b.label)}: ${b.value2}</title></rect>`
        : '') +
      `<text x="${n(labelW + w1 + w2 + 5)}" y="${y + 14}" class="num">${total}</text>`
    );
  });
  return `<svg class="chart ${opts.cls}" role="img" aria-label="${h(opts.title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${rows.join('')}</svg>`;
}

export interface Histogram {
  svg: string;
  /** Spreads between half and twice the threshold. */
  near: number;
}

/**
 * The spreads on a log scale (bins of equal ratio), spreads of 0 in a bin of their own on the
 * left, the threshold as a vertical line (and the baseline's threshold, dashed, when it moved).
 */
export function spreadHistogram(
  spreads: readonly number[],
  threshold: number,
  oldThreshold: number | null,
  fmt: (v: number) => string,
  tickFmt: (v: number) => string = fmt,
): Histogram {
  const W = 520;
  const H = 150;
  const left = 46;
  const plotW = W - left - 10;
  const plotH = H - 40;
  const BINS = 30;
  const positive = spreads.filter((s) => s > 0);
  const zero = spreads.length - positive.length;
  const marks = [threshold, ...(oldThreshold !== null ? [oldThreshold] : [])].filter((t) => t > 0);
  const all = [...positive, ...marks];
  let lo = all.length ? Math.floor(Math.log10(Math.min(...all))) : 0;
  let hi = all.length ? Math.ceil(Math.log10(Math.max(...all)) + 1e-9) : 1;
  if (hi <= lo) hi = lo + 1;
  if (hi - lo > 12) lo = hi - 12;
  const counts = new Array<number>(BINS).fill(0);
  for (const s of positive) {
    const f = (Math.log10(s) - lo) / (hi - lo);
    counts[Math.min(BINS - 1, Math.max(0, Math.floor(f * BINS)))]!++;
  }
  const near = spreads.filter((s) => threshold > 0 && s >= threshold / 2 && s <= threshold * 2).length;
  const max = Math.max(1, zero, ...counts);
  const zeroW = 18;
  const binW = (plotW - zeroW - 6) / BINS;
  const x0 = left + zeroW + 6;
  const xOf = (v: number): number => x0 + ((Math.log10(v) - lo) / (hi - lo)) * (plotW - zeroW - 6);
  const parts: string[] = [];
  const bar = (x: number, w: number, c: number, label: string): string => {
    const bh = (c / max) * plotH;
    return `<rect class="bin" data-count="${c}" x="${n(x)}" y="${n(10 + plotH - bh)}" width="${n(Math.max(0, w - 1))}" height="${n(bh)}"><title>${h(label)}: ${c}</title></rect>`;
  };
  parts.push(bar(left, zeroW, zero, 'spread 0'));
  for (let i = 0; i < BINS; i++) {
    const a = 10 ** (lo + ((hi - lo) * i) / BINS);
    const b = 10 ** (lo + ((hi - lo) * (i + 1)) / BINS);
    parts.push(bar(x0 + i * binW, binW, counts[i]!, `${fmt(a)} – ${fmt(b)}`));
  }
  parts.push(`<line class="axis" x1="${left}" x2="${W - 10}" y1="${10 + plotH}" y2="${10 + plotH}"/>`);
  parts.push(`<text class="tick" x="${left + zeroW / 2}" y="${plotH + 24}" text-anchor="middle">0</text>`);
  let lastX = left + zeroW;
  const step = Math.max(1, Math.ceil((hi - lo) / 6));
  for (let d = lo; d <= hi; d += step) {
    const x = xOf(10 ** d);
    if (x - lastX < 44) continue;
    lastX = x;
    parts.push(
      `<text class="tick" x="${n(x)}" y="${plotH + 24}" text-anchor="${x > W - 40 ? 'end' : 'middle'}">${h(tickFmt(10 ** d))}</text>`,
    );
  }
  parts.push(`<text class="tick" x="4" y="18">${max}</text><text class="tick" x="4" y="${10 + plotH}">0</text>`);
  if (oldThreshold !== null && oldThreshold > 0) {
    const x = n(xOf(oldThreshold));
    parts.push(
      `<line class="threshold-old" x1="${x}" x2="${x}" y1="4" y2="${10 + plotH}"><title>baseline threshold ${h(fmt(oldThreshold))}</title></line>`,
    );
  }
  if (threshold > 0) {
    const x = n(xOf(threshold));
    parts.push(
      `<line class="threshold" x1="${x}" x2="${x}" y1="4" y2="${10 + plotH}"><title>threshold ${h(fmt(threshold))}</title></line>` +
        `<text class="tick thr" x="${x}" y="${H - 2}" text-anchor="${labelAnchor(xOf(threshold), W)}">threshold ${h(fmt(threshold))}</text>`,
    );
  }
  return {
    svg: `<svg class="chart hist" role="img" aria-label="spread histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`,
    near,
  };
}

/**
 * One bar per phase, and the threshold band: from the lowest phase value up by the threshold. A
 * source is signal when a bar rises above the band (max - min >= threshold).
 */
export function phaseBars(
  phases: readonly PhaseValue[],
  threshold: number,
  colours: ReadonlyMap<string, string>,
  fmt: (v: number) => string,
  thresholdFmt: (v: number) => string = fmt,
): string {
  const W = 300;
  const H = 130;
  const top = 14;
  const plotH = H - top - 30;
  const left = 8;
  if (phases.length === 0) return '<p class="muted">no per-phase values</p>';
  const values = phases.map((p) => p.value);
  const min = Math.min(...values);
  const bandTop = min + threshold;
  const scaleMax = Math.max(...values, bandTop, 1e-12) * 1.08;
  const scaleMin = Math.min(0, min);
  const y = (v: number): number => top + plotH - ((v - scaleMin) / (scaleMax - scaleMin)) * plotH;
  const slot = (W - left * 2) / phases.length;
  const bw = Math.min(54, slot * 0.7);
  const parts: string[] = [];
  parts.push(
    `<rect class="band" x="${left}" y="${n(y(bandTop))}" width="${W - left * 2}" height="${n(Math.max(1, y(min) - y(bandTop)))}"><title>threshold band: ${h(fmt(min))} + ${h(thresholdFmt(threshold))}</title></rect>`,
  );
  phases.forEach((p, i) => {
    const cx = left + slot * i + slot / 2;
    const y0 = y(Math.max(scaleMin, 0));
    const y1 = y(p.value);
    const name = p.phase.length > 16 ? p.phase.slice(0, 15) + '…' : p.phase;
    parts.push(
      `<rect class="phase-bar" data-phase="${h(p.phase)}" data-value="${p.value}" x="${n(cx - bw / 2)}" y="${n(Math.min(y0, y1))}" width="${n(bw)}" height="${n(Math.max(1, Math.abs(y0 - y1)))}" fill="${colours.get(p.phase) ?? '#888'}"><title>${h(p.phase)}: ${h(fmt(p.value))} (${p.samples} samples)</title></rect>` +
        `<text class="tick" x="${n(cx)}" y="${n(Math.min(y0, y1) - 3)}" text-anchor="middle">${h(fmt(p.value))}</text>` +
        `<text class="tick" x="${n(cx)}" y="${H - 14}" text-anchor="middle">${h(name)}</text>`,
    );
  });
  parts.push(`<line class="threshold" x1="${left}" x2="${W - left}" y1="${n(y(bandTop))}" y2="${n(y(bandTop))}"/>`);
  parts.push(`<text class="tick thr" x="${W - left}" y="${H - 2}" text-anchor="end">band: lowest + ${h(thresholdFmt(threshold))}</text>`);
  return `<svg class="chart phases" role="img" aria-label="per-phase values" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

/** The raw series as a line, each run of one phase in its colour. */
export function sparkline(series: readonly SeriesPoint[], colours: ReadonlyMap<string, string>): string {
  const W = 300;
  const H = 46;
  if (series.length === 0) return '<p class="muted">no samples</p>';
  const max = Math.max(...series.map((p) => p.value), 1e-12);
  const min = Math.min(0, ...series.map((p) => p.value));
  const x = (i: number): number => (series.length === 1 ? W / 2 : 2 + (i * (W - 4)) / (series.length - 1));
  const y = (v: number): number => 3 + (H - 6) * (1 - (v - min) / (max - min));
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= series.length; i++) {
    if (i < series.length && series[i]!.phase === series[start]!.phase) continue;
    const end = Math.min(i, series.length - 1);
    const pts: string[] = [];
    for (let j = start; j <= end; j++) pts.push(`${n(x(j))},${n(y(series[j]!.value))}`);
    if (pts.length === 1) pts.push(`${n(x(start) + 1)},${n(y(series[start]!.value))}`);
    const phase = series[start]!.phase;
    runs.push(`<polyline class="spark-run" data-phase="${h(phase)}" points="${pts.join(' ')}" stroke="${colours.get(phase) ?? '#888'}"/>`);
    start = i;
  }
  return `<svg class="chart spark" role="img" aria-label="raw series by phase" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${runs.join('')}</svg>`;
}

/**
 * Where a label under a mark at `x` is anchored so it stays inside a chart `w` wide: ending at the
 * mark near the right edge, starting at it near the left, centred on it elsewhere.
 */
function labelAnchor(x: number, w: number): 'start' | 'middle' | 'end' {
  if (x > w - 70) return 'end';
  if (x < 70) return 'start';
  return 'middle';
}

/** The flagged share of each history point, as a line with a dot per point (a failed run's in red). */
export function trendChart(points: ReadonlyArray<{ label: string; scanned: number; flagged: number; gate?: 'passed' | 'failed' }>): string {
  const W = 560;
  const H = 150;
  const left = 40;
  const plotW = W - left - 16;
  const plotH = H - 40;
  const rates = points.map((p) => (p.scanned ? (p.flagged * 100) / p.scanned : 0));
  const max = Math.max(1, ...rates) * 1.1;
  const x = (i: number): number => left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (r: number): number => 10 + plotH * (1 - r / max);
  const line = rates.map((r, i) => `${n(x(i))},${n(y(r))}`).join(' ');
  const dots = points.map(
    (p, i) =>
      `<circle class="trend-point${p.gate === 'failed' ? ' failed' : ''}" cx="${n(x(i))}" cy="${n(y(rates[i]!))}" r="${p.gate === 'failed' ? 5 : 3.5}"><title>${h(p.label)}: ${p.flagged} of ${p.scanned} flagged (${rates[i]!.toFixed(1)}%)${p.gate ? `; gate ${p.gate}` : ''}</title></circle>`,
  );
  const ticks = [0, 1, points.length - 1]
    .filter((i, k, a) => i < points.length && a.indexOf(i) === k)
    // The last label ends at its point (centred, it would run past the chart's right edge).
    .map((i) => {
      const anchor = points.length > 1 && i === points.length - 1 ? 'end' : 'middle';
      return `<text class="tick" x="${n(x(i))}" y="${H - 12}" text-anchor="${anchor}">${h(points[i]!.label)}</text>`;
    });
  return `<svg class="chart trend" role="img" aria-label="flagged share over time" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><line class="axis" x1="${left}" x2="${W - 16}" y1="${10 + plotH}" y2="${10 + plotH}"/><text class="tick" x="4" y="18">${max.toFixed(0)}%</text><text class="tick" x="4" y="${10 + plotH}">0%</text><polyline class="trend-line" points="${line}"/>${dots.join('')}${ticks.join('')}</svg>`;
}
