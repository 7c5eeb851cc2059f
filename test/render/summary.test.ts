import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Reason } from '../../src/classifier/types.js';
import { evaluateGate } from '../../src/gate/run.js';
import type { Report } from '../../src/gate/report.js';
import { esc } from '../../src/render/markdown.js';
import { acceptLabel } from '../../src/render/model.js';
import { DEFAULT_SUMMARY_LIMIT_BYTES, summaryMarkdown } from '../../src/render/summary.js';
import { baselineOf, fakeReport, type FakeEpisode } from '../support/fake-reports.js';

/** Tags our summaries may contain; anything else in the rendered HTML came from data. */
const OUR_TAGS = new Set([
  'h3',
  'h4',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'ul',
  'li',
  'em',
  'strong',
  'code',
  'br',
  'blockquote',
]);

function renderHtml(md: string): string {
  return marked.parse(md, { gfm: true, async: false });
}

function foreignTags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase()).filter((t) => !OUR_TAGS.has(t));
}

/** For every rendered table: the cell count of each row (all must equal the header's). */
function tableShapes(html: string): number[][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1]!.match(/<t[dh][ >]/g) ?? []).length),
  );
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  'a|b|c',
  '</td></tr></table><script>alert(1)</script>',
  '[click](javascript:alert(1))',
  'http://evil.example/x',
  'www.evil.example',
  '**bold** _em_ `code` ~~gone~~ $x$',
  'line\nbreak\r\n# heading',
  '\\|escaped pipe',
  '&lt;already-escaped&gt;',
  '\u202Egnp.exe',
];

function hostileReport(): { report: Report; baseline: ReturnType<typeof baselineOf> } {
  const before: FakeEpisode[] = HOSTILE.map((_h, i) => [`host-${i}`, `ep-${i}`, [] as Reason[]]);
  const base = baselineOf(before);
  base.cases = [{ name: HOSTILE[0]!, host: 'host-0', episode: 'ep-0', expect: 'kept', note: HOSTILE[2]! }];
  const report = fakeReport(
    HOSTILE.map((_h, i) => [`host-${i}`, `ep-${i}`, i % 2 ? (['unreadable'] as Reason[]) : (['flat-cpu'] as Reason[])]),
  );
  // Hostile values everywhere data reaches the summary.
  report.episodes.forEach((e, i) => {
    const h = HOSTILE[i]!;
    e.sample = h;
    if (e.unreadable !== null) e.unreadable = h;
    if (e.evidence?.sources) e.evidence.sources.netflow.why = h;
  });
  report.missing_tarballs.push({ line: 99, host: HOSTILE[1]!, episode: HOSTILE[0]!, path: HOSTILE[2]! });
  report.index_problems.push({ line: 100, kind: 'unsafe-id', detail: HOSTILE[3]! });
  report.hosts[HOSTILE[2]!] = { scanned: 1, kept: 1, flagged: 0 };
  return { report, baseline: base };
}

describe('summary escaping', () => {
  it('lets no value from data inject HTML, links or table cells', () => {
    const { report, baseline } = hostileReport();
    // Rename the flagged episodes' ids too (the ids must still be one path component).
    report.episodes[0]!.episode = '<b>x</b>|y';
    const o = evaluateGate(report, baseline, { failOn: 'regression', baselineName: 'b.json', reportHint: 'report.json' });
    expect(o.passed).toBe(false);
    const html = renderHtml(summaryMarkdown(o));
    expect(foreignTags(html)).toEqual([]);
    for (const shape of tableShapes(html)) expect(new Set(shape).size).toBe(1);
    expect(html).not.toMatch(/<a\s/);
    expect(summaryMarkdown(o)).not.toMatch(/^# /m);
    // The values are still there, readable as text.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a|b|c');
  });
  it.each(HOSTILE)('esc(%j) yields one line with no raw HTML or table pipe', (h) => {
    const out = esc(h);
    expect(out).not.toMatch(/[\n\r<>|]/);
    expect(out).not.toMatch(/\u202E/);
  });
  it('keeps ordinary values readable', () => {
    expect(esc('lab-a/ep-rescued-by-netflow')).toBe('lab-a/ep-rescued-by-netflow');
    expect(esc('guest load_1m spread 0.02 < 0.10')).toBe('guest load_1m spread 0.02 &lt; 0.10');
    expect(esc('x'.repeat(500), 10)).toBe('xxxxxxxxx…');
  });
});

describe('summary layout', () => {
  const before: FakeEpisode[] = [
    ['lab-a', 'ep-rescued-by-netflow', []],
    ['lab-a', 'ep-flat-everywhere', ['flat-cpu', 'workload-silent']],
    ['lab-b', 'ep-kept', []],
  ];
  it('puts the one-line verdict first, then the regressions, counts and reasons with deltas', () => {
    const after: FakeEpisode[] = [['lab-a', 'ep-rescued-by-netflow', ['flat-cpu']], before[1]!, before[2]!];
    const o = evaluateGate(fakeReport(after), baselineOf(before), { failOn: 'regression', baselineName: 'fixtures/baseline.json' });
    const lines = summaryMarkdown(o).split('\n');
    expect(lines[0]).toMatch(/^### ❌ episode-gate: FAILED — \d+ regressions against fixtures\/baseline\.json \([^)]*\): kept 2 → 1/);
    expect(summaryMarkdown(o)).toContain('| kept | 2 | 1 | −1 ❌ | drop ≤ 0 |');
    expect(summaryMarkdown(o)).toContain('| flat-cpu | 1 | 2 | +1 ❌ | rise ≤ 0 |');
    expect(summaryMarkdown(o)).toContain(
      '| lab-a/ep-rescued-by-netflow | kept | flagged (flat-cpu) | proc: netflow spread 12.0 KiB &lt; 50.0 KiB<br>',
    );
    expect(summaryMarkdown(o).indexOf('#### Regressions')).toBeLessThan(summaryMarkdown(o).indexOf('#### Counts'));
  });
  it('shows a passing check as passed in its first line', () => {
    const o = evaluateGate(fakeReport(before), baselineOf(before), { failOn: 'regression', baselineName: 'fixtures/baseline.json' });
    expect(summaryMarkdown(o).split('\n')[0]).toBe(
      '### ✅ episode-gate: passed — no regressions against fixtures/baseline.json; 3 scanned, 2 kept, 1 flagged',
    );
    expect(summaryMarkdown(o)).toContain('#### Episodes that changed verdict: none');
  });
});

describe('summary size', () => {
  // A dataset of thousands of episodes that all flipped, on thousands of hosts, with long evidence.
  function huge(n: number): { report: Report; baseline: ReturnType<typeof baselineOf> } {
    const before: FakeEpisode[] = Array.from({ length: n }, (_, i) => [`host-${i % 2500}`, `episode-${i}-${'x'.repeat(60)}`, []]);
    const reasons: Reason[][] = [['flat-cpu'], ['flat-cpu', 'workload-silent'], ['no-sample'], ['unreadable']];
    const after: FakeEpisode[] = before.map(([h, e], i) => [h, e, reasons[i % reasons.length]!]);
    const report = fakeReport(after, { missing: Array.from({ length: 2000 }, (_, i) => ['host-x', `gone-${i}`] as [string, string]) });
    for (const e of report.episodes) if (e.evidence?.sources) e.evidence.sources.guest.why = `guest <load> ${'|'.repeat(120)}`;
    for (let i = 0; i < 2000; i++)
      report.index_problems.push({ line: 10_000 + i, kind: 'not-json', detail: 'not JSON (Expecting value at column 1)' });
    return { report, baseline: baselineOf(before) };
  }

  it.each([DEFAULT_SUMMARY_LIMIT_BYTES, 64 * 1024, 4 * 1024])(
    'stays under %i bytes with 6000 flipped episodes, and says where the rest is',
    (limit) => {
      const { report, baseline } = huge(6000);
      const o = evaluateGate(report, baseline, {
        failOn: 'regression',
        baselineName: 'b.json',
        reportHint: 'episode-gate-report.json',
      });
      const text = summaryMarkdown(o, limit);
      const bytes = Buffer.byteLength(text, 'utf8');
      expect(bytes).toBeLessThanOrEqual(limit);
      expect(bytes).toBeGreaterThan(limit * 0.5);
      expect(text.split('\n')[0]).toMatch(/^### ❌ episode-gate: FAILED — \d+ regressions against b\.json/);
      expect(text).toContain('every episode is in the JSON report (episode-gate-report.json)');
      expect(text).toMatch(/… and \d+ more: see the JSON report \(episode-gate-report\.json\)/);
      expect(text.match(/<details>/g)?.length ?? 0).toBe(text.match(/<\/details>/g)?.length ?? 0);
      const html = renderHtml(text);
      expect(foreignTags(html)).toEqual([]);
      for (const shape of tableShapes(html)) expect(new Set(shape).size).toBe(1);
    },
  );

  it('is not cut when everything fits', () => {
    const { report, baseline } = huge(40);
    const o = evaluateGate(report, baseline, { failOn: 'regression', baselineName: 'b.json' });
    expect(summaryMarkdown(o)).not.toContain('This summary was cut');
  });
});

describe('the accept line', () => {
  const r = (...kinds: string[]): Array<{ kind: string; message: string }> => kinds.map((kind) => ({ kind, message: kind }));
  it('says what accepting would accept: the data where only the data failed, the change otherwise', () => {
    expect(acceptLabel(r('cohort-rate', 'cohort-rate'))).toBe('If the new episodes are as they should be, accept them');
    expect(acceptLabel(r('gone-kept'))).toBe('If these episodes were removed on purpose, accept it');
    expect(acceptLabel(r('modified-kept', 'modified-flagged'))).toBe('If these tarballs were rewritten on purpose, accept them');
    expect(acceptLabel(r('cohort-rate', 'gone-kept'))).toBe('If these changes to the data are intended, accept them');
    // A verdict that changed on unchanged data is the classifier's change, whatever else failed.
    expect(acceptLabel(r('cohort-rate', 'kept-to-flagged'))).toBe('If this change is intended, accept it');
    expect(acceptLabel(r('reason-rise'))).toBe('If this change is intended, accept it');
    expect(acceptLabel([])).toBe('If this change is intended, accept it');
  });
});
