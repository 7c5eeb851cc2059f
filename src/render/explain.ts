/**
 * `episode-gate explain` in a terminal: the verdict, then per source the per-phase values, the
 * spread against the threshold, the decision, and a sparkline of the raw series (Unicode blocks)
 * with a line of phase numbers under it.
 */
import { downsample, type SeriesPoint } from '../classifier/series.js';
import { SOURCE_NAMES } from '../classifier/types.js';
import type { EpisodeDetail } from '../gate/episode-detail.js';
import { SOURCE_FORMAT } from './html/render.js';

const BLOCKS = '▁▂▃▄▅▆▇█';
const SPARK_WIDTH = 64;

/** Control characters of data (sample names, phases) would move the cursor: show them escaped. */
function safe(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** One block per point, scaled from 0 (or the lowest value, when negative) to the largest. */
function blockSparkline(series: readonly SeriesPoint[]): string {
  if (series.length === 0) return '';
  const values = series.map((p) => p.value);
  const max = Math.max(...values);
  const min = Math.min(0, ...values);
  if (max === min) return BLOCKS[0]!.repeat(series.length);
  return values.map((v) => BLOCKS[Math.min(7, Math.floor(((v - min) / (max - min)) * 8))]).join('');
}

function verdictLine(d: EpisodeDetail): string {
  return d.reasons.length === 0 ? 'kept' : `flagged (${d.reasons.join(', ')})`;
}

export function explainText(d: EpisodeDetail): string {
  const out: string[] = [];
  out.push(`${safe(d.host)}/${safe(d.episode)}: ${verdictLine(d)}`);
  if (d.unreadable) {
    out.push(`  unreadable: ${safe(d.unreadable)}`);
    return out.join('\n') + '\n';
  }
  out.push(`  sample ${d.sample === null ? 'none' : safe(d.sample)}; module ${d.module === null ? 'none' : safe(d.module)}`);
  out.push(
    `  workload events ${d.workloadEvents ?? 0}; dormant kill probe: ${d.probe ?? 'no-probe'}; labels: ${d.labels.map(safe).join(' → ') || 'none'}`,
  );
  if (!d.sources) {
    out.push('  no labels: flatness not analysed');
    return out.join('\n') + '\n';
  }
  const phaseNames: string[] = [];
  for (const name of SOURCE_NAMES) for (const p of d.sources[name].series) if (!phaseNames.includes(p.phase)) phaseNames.push(p.phase);
  const mark = (phase: string): string => {
    const i = phaseNames.indexOf(phase);
    return i < 9 ? String(i + 1) : '+';
  };
  for (const name of SOURCE_NAMES) {
    const s = d.sources[name];
    const { title, fmt, spread } = SOURCE_FORMAT[name];
    const sfmt = spread ?? fmt;
    out.push('');
    out.push(`  ${title}: ${s.status.toUpperCase()}: ${safe(s.why)}`);
    // A decided source's line above already states its spread against the threshold.
    if (s.spread === null) out.push(`    threshold ${sfmt(s.threshold)}`);
    if (s.phases.length > 0) {
      const w = Math.max(5, ...s.phases.map((p) => safe(p.phase).length));
      for (const p of s.phases)
        out.push(`    ${safe(p.phase).padEnd(w)}  ${fmt(p.value).padStart(11)}  ${String(p.samples).padStart(6)} samples`);
    }
    const pts = downsample(s.series, SPARK_WIDTH);
    if (pts.length > 0) {
      const peak = Math.max(...pts.map((p) => p.value));
      out.push(`    ${blockSparkline(pts)}  peak ${fmt(peak)}`);
      out.push(`    ${pts.map((p) => mark(p.phase)).join('')}`);
    }
  }
  if (phaseNames.length > 0) {
    out.push('');
    out.push(`  phases: ${phaseNames.map((p, i) => `${i < 9 ? i + 1 : '+'} ${safe(p)}`).join('  ')}`);
  }
  return out.join('\n') + '\n';
}

export function explainJson(d: EpisodeDetail): string {
  return JSON.stringify(d, null, 2) + '\n';
}
