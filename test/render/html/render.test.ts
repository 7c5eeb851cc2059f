/**
 * The HTML report's bounds and content, from gate runs put through the real report assembly,
 * baseline and comparison (tools/lib/synth-report.ts): its size stays bounded at 100,000
 * episodes, the drill-downs and the one-line list are capped, and data is always text.
 */
import { describe, expect, it } from 'vitest';
import { syntheticGateRun } from '../../../tools/lib/synth-report.js';
import { DETAIL_CAP, LIST_CAP, htmlReportInput } from '../../../src/render/html/adapter.js';
import { HOST_TABLE_CAP, renderHtmlReport } from '../../../src/render/html/render.js';
import { evaluateGate } from '../../../src/gate/run.js';
import { summaryMarkdown } from '../../../src/render/summary.js';
import { baselineOf, fakeReport, kept, type FakeEpisode } from '../../support/fake-reports.js';

const count = (html: string, needle: string): number => html.split(needle).length - 1;

describe('size: bounded however large the dataset', () => {
  it('100,000 episodes (30% flagged, 1% flipped, 600 hosts) make at most 5 MB', () => {
    const { run, details } = syntheticGateRun({ episodes: 100_000, hosts: 600 });
    expect(run.comparison!.flips.length).toBeGreaterThan(500);
    const input = htmlReportInput(run, details);
    const html = renderHtmlReport(input);
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024 * 1024);
    expect(count(html, '<details class="ep"')).toBe(DETAIL_CAP);
    expect(input.listed).toHaveLength(LIST_CAP);
    expect(input.beyondDetailed).toBe(
      run.report.counts.flagged + run.comparison!.flips.filter((f) => f.kind === 'flagged-to-kept').length - DETAIL_CAP,
    );
    expect(html).toContain(`… and ${input.beyondDetailed - LIST_CAP} more: see the JSON report`);
    const hostsSection = /<section id="hosts">.*?<\/section>/s.exec(html)![0];
    expect(count(hostsSection, '<tr><td class="id">lab-')).toBe(HOST_TABLE_CAP);
    expect(hostsSection).toContain(`the ${HOST_TABLE_CAP} largest of 600 hosts`);
    // Every analysed spread is in its histogram, however many.
    const bins = [...html.matchAll(/<div class="panel" data-source="netflow">.*?<\/svg>/gs)][0]![0];
    const total = [...bins.matchAll(/class="bin" data-count="(\d+)"/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(total).toBe(100_000);
  });

  it('flipped episodes come first in the drill-downs', () => {
    const { run, details } = syntheticGateRun({ episodes: 2_000, flipped: 0.02 });
    const input = htmlReportInput(run, details);
    const flips = run.comparison!.flips.length;
    expect(flips).toBeGreaterThan(10);
    expect(input.detailed.slice(0, flips).every((e) => e.flip !== null)).toBe(true);
    expect(input.detailed.slice(flips).every((e) => e.flip === null && e.verdict === 'flagged')).toBe(true);
  });
});

describe('content', () => {
  it('data is text: host, episode and sample names cannot add markup', () => {
    const { run, details } = syntheticGateRun({ episodes: 50, flagged: 1 });
    const ep = run.report.episodes[0]!;
    ep.sample = JSON.stringify('</details><script>alert(1)</script>');
    const html = renderHtmlReport(htmlReportInput(run, details));
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the CSP allows the one stylesheet by its hash, and nothing else', async () => {
    const { createHash } = await import('node:crypto');
    const html = renderHtmlReport(htmlReportInput(syntheticGateRun({ episodes: 10 }).run, new Map()));
    const style = /<style>(.*?)<\/style>/s.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(html).toContain(`content="default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'"`);
    expect(html).not.toMatch(/ style="|<script|<link|https?:\/\//);
  });

  it('a trend, when a history exists: one point per run', () => {
    const { run } = syntheticGateRun({ episodes: 10 });
    const trend = [
      { label: '2026-11-27', scanned: 900, flagged: 90 },
      { label: '2026-11-28', scanned: 950, flagged: 99 },
      { label: '2026-11-29', scanned: 1000, flagged: 140 },
    ];
    const html = renderHtmlReport(htmlReportInput(run, new Map(), { trend }));
    expect(count(html, 'class="trend-point"')).toBe(3);
    expect(renderHtmlReport(htmlReportInput(run, new Map()))).not.toContain('id="trend"');
  });
});

describe('regressions: the list the job summary shows, from the same model', () => {
  /** Eight episodes kept in the baseline; now four are flagged flat-cpu, and one pinned case breaks. */
  function flipsRun(): ReturnType<typeof evaluateGate> {
    const before = kept(8);
    const baseline = baselineOf(before);
    baseline.cases = [{ name: 'pinned', host: 'lab-a', episode: 'ep-0', expect: 'kept', note: '' }];
    const now: FakeEpisode[] = before.map(([host, episode], i) => [host, episode, i < 4 ? ['flat-cpu'] : []]);
    return evaluateGate(fakeReport(now), baseline, { failOn: 'regression', baselineName: 'b.json' });
  }
  const htmlItems = (html: string): string[] =>
    [.../<h3>Regressions \(\d+\)<\/h3><ul class="msgs">(.*?)<\/ul>/s.exec(html)![1]!.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!);
  const markdownItems = (md: string): string[] => {
    const at = md.indexOf('#### Regressions');
    return md.slice(at, md.indexOf('####', at + 5)).match(/^- .*/gm) ?? [];
  };

  it('says the fail reason once in the verdict banner when the headline is that reason', () => {
    const o = flipsRun();
    expect(o.failReason).not.toBeNull();
    const html = renderHtmlReport(htmlReportInput(o, new Map()));
    const banner = /<section class="verdict [^"]*" id="verdict">(.*?)<\/section>/s.exec(html)![1]!;
    const reason = o.failReason!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(banner).toContain(`<div class="head">FAILED — ${reason}</div>`);
    expect(count(banner, reason)).toBe(1);
    expect(banner).not.toContain('class="cause"');
  });

  it('folds the totals the flips explain into one item under the cause, and lists the pinned case apart', () => {
    const o = flipsRun();
    const totals = o.regressions.filter((r) => !r.kind.startsWith('pinned') && r.kind !== 'kept-to-flagged');
    expect(totals.length).toBeGreaterThan(1);
    const html = renderHtmlReport(htmlReportInput(o, new Map()));
    expect(html).toContain(`<h3>Regressions (${o.regressions.length})</h3>`);
    const items = htmlItems(html);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(
      /^\d+ explained by one cause \(.*\), all from the episodes listed under &quot;Flipped and flagged episodes&quot;: /,
    );
    for (const r of totals)
      expect(items[0]).toContain(r.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    expect(items[1]).toContain('pinned');
    // The markdown summary lists the same items.
    expect(markdownItems(summaryMarkdown(o))).toHaveLength(items.length);
  });
});

describe('a changed dataset: the section the job summary has too', () => {
  /** Eight episodes in the baseline, one of them named as markup; now it is gone and twelve are new. */
  function changedRun(): ReturnType<typeof evaluateGate> {
    const before: FakeEpisode[] = [...kept(7), ['lab-a', '<b>ep-x</b>', ['flat-cpu']]];
    const now: FakeEpisode[] = [...kept(7), ...kept(12, 'lab-b', 'new')];
    return evaluateGate(fakeReport(now), baselineOf(before), { failOn: 'regression', baselineName: 'b.json' });
  }
  const section = (html: string): string => /<section id="changes">.*?<\/section>/s.exec(html)![0];

  it('leads with the counts the markdown summary shows, ids as text, long lists folded', () => {
    const o = changedRun();
    const html = renderHtmlReport(htmlReportInput(o, new Map()));
    const s = section(html);
    expect(html.indexOf('<section id="changes">')).toBeLessThan(html.indexOf('<section id="counts">'));
    const md = /#### (Since the baseline: .*)\n/.exec(summaryMarkdown(o))![1]!;
    expect(s).toContain(`<h2>${md}</h2>`);
    expect(s).toContain('lab-a/&lt;b&gt;ep-x&lt;/b&gt;');
    expect(s).not.toContain('<b>ep-x');
    expect(s).toMatch(/<details class="ep" data-list="gone" open>/);
    expect(s).toMatch(/<details class="ep" data-list="new">/);
    expect(count(s, '<td class="id">lab-b/new-')).toBe(12);
  });

  it('is absent when the dataset is the baseline snapshot', () => {
    const eps = kept(8);
    const o = evaluateGate(fakeReport(eps), baselineOf(eps), { failOn: 'regression', baselineName: 'b.json' });
    expect(renderHtmlReport(htmlReportInput(o, new Map()))).not.toContain('id="changes"');
  });
});
