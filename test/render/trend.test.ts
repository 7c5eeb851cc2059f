import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowFromReport, type HistoryRow } from '../../src/history/format.js';
import { trendMarkdown, trendText } from '../../src/render/trend.js';
import { fakeReport, flagged, kept } from '../support/fake-reports.js';
import { launchChromium } from '../support/browser.js';
import { REPO } from '../support/helpers.js';

const MERMAID = path.join(REPO, 'node_modules/mermaid/dist/mermaid.min.js');

/** Twelve runs on three hosts, one with a hostile name, with a rising flat-cpu count. */
function rows(): HistoryRow[] {
  return Array.from({ length: 12 }, (_, i) => {
    const r = fakeReport([
      ...kept(20),
      ...flagged(i, ['flat-cpu']),
      ...kept(10, 'lab-b', 'b'),
      ...flagged(2, ['workload-silent'], 'lab-b', 'ws'),
      ...flagged(1, ['unreadable'], 'lab-"x"]\n%%', 'u'),
    ]);
    r.generated_at = new Date(Date.UTC(2026, 10, 1 + i)).toISOString();
    return rowFromReport(r, { commit: `${i}abcdef0123`, run: String(i) });
  });
}

const blocks = (md: string): string[] => [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('the trend charts in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  it("render as SVG with mermaid's own renderer, without error", async () => {
    const sources = blocks(trendMarkdown(rows()));
    // The rate, the three reasons, and one chart per host (three hosts).
    expect(sources).toHaveLength(7);
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID });
    const results = await page.evaluate(async (srcs: string[]) => {
      const m = (
        globalThis as unknown as { mermaid: { initialize(c: object): void; render(id: string, s: string): Promise<{ svg: string }> } }
      ).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const out: Array<{ svg?: string; error?: string }> = [];
      for (let i = 0; i < srcs.length; i++) {
        try {
          out.push({ svg: (await m.render(`chart${i}`, srcs[i]!)).svg });
        } catch (e) {
          out.push({ error: String(e) });
        }
      }
      return out;
    }, sources);
    await page.close();
    expect(pageErrors).toEqual([]);
    results.forEach((r, i) => {
      expect(r.error, sources[i]).toBeUndefined();
      expect(r.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
      expect(r.svg).not.toMatch(/Syntax error/i);
    });
    expect(results[0]!.svg).toContain('Flagged episodes (% of scanned), last 12 runs');
    expect(results[1]!.svg).toContain('Flagged for flat-cpu (% of scanned)');
    // A drawn line: mermaid gives each line plot a path.
    for (const r of results) expect(r.svg).toMatch(/<path[^>]*class="[^"]*line[^"]*"|line-plot/);
  }, 120_000);
});

describe('a last point that is not stored', () => {
  it('is named under the heading and marked in the table; the other runs are not', () => {
    const md = trendMarkdown(rows(), { unstoredLast: 'a pull request run never writes the history' });
    expect(md).toContain(
      '_Run 12, the last point, is this run; it is not stored in the history: a pull request run never writes the history._',
    );
    expect(md.match(/not stored\) \|/g)).toHaveLength(1);
    expect(md).toContain('| 12 (this run, not stored) |');
    expect(trendMarkdown(rows())).not.toContain('not stored');
  });
});

describe('the trend in a terminal', () => {
  it('scales each sparkline to its own range, so a small rise shows, and gives the range', () => {
    const night = (flaggedN: number, day: number): HistoryRow => {
      const r = fakeReport([...kept(100 - flaggedN), ...flagged(flaggedN, ['flat-cpu'])]);
      r.generated_at = new Date(Date.UTC(2026, 10, day)).toISOString();
      return rowFromReport(r, { commit: null, run: String(day) });
    };
    const text = trendText([night(49, 1), night(50, 2), night(52, 3)]);
    expect(text).toMatch(/^flagged +▁▃█ {2}now 52\.0%, range 49\.0%–52\.0%$/m);
    // The same rate every night: a flat line, not a full one.
    expect(trendText([night(50, 1), night(50, 2)])).toMatch(/^flagged +▁▁ {2}now 50\.0%, range 50\.0%–50\.0%$/m);
  });
});

describe("the gate's decision and the changes in the trend", () => {
  /** Nights with a decision on some (the older ones recorded none) and changes on the last two. */
  function nights(): HistoryRow[] {
    const decided: Array<'passed' | 'failed' | undefined> = [undefined, 'passed', 'failed', 'passed'];
    return decided.map((gate, i) => {
      const r = fakeReport([...kept(10), ...flagged(i, ['flat-cpu'])]);
      r.generated_at = new Date(Date.UTC(2026, 10, 1 + i)).toISOString();
      if (gate) r.gate = { passed: gate === 'passed', fail_on: 'regression', fail_reason: gate === 'failed' ? 'x' : null };
      const row = rowFromReport(r, { commit: null, run: String(i) });
      if (i >= 2)
        row.changes = {
          new: 3 + i,
          gone: i - 2,
          flips: 1,
          reasons_changed: 0,
          ...(i === 3 ? { missing: 2, modified: 1, new_flagged: 3, new_hosts: { 'lab-a': [6, 3] as [number, number] } } : {}),
        };
      return row;
    });
  }

  it("takes a report's decision into its row, or the deciding gate's", () => {
    const rs = nights();
    expect(rs.map((r) => r.gate)).toEqual([undefined, 'passed', 'failed', 'passed']);
    const r = fakeReport(kept(3));
    r.gate = { passed: true, fail_on: 'regression', fail_reason: null };
    expect(rowFromReport(r, { commit: null, run: null }, null, false).gate).toBe('failed');
  });

  it('gives the table a gate column and new / gone / flips, blank where a run recorded none', () => {
    const md = trendMarkdown(nights());
    const table = md.slice(md.indexOf('<details>'));
    expect(table).toContain(
      '| \\# | time | commit | gate | scanned | flagged | flagged % | new | gone | missing | modified | flips | new flagged % | flat-cpu % |',
    );
    const cells = (n: number): string[] =>
      table
        .split('\n')
        .find((l) => l.startsWith(`| ${n} |`))!
        .split('|')
        .map((c) => c.trim());
    expect(cells(1)[4]).toBe('');
    expect(cells(2)[4]).toBe('✅ passed');
    expect(cells(3)[4]).toBe('❌ failed');
    // Row 3 predates missing, modified and the new episodes' verdicts (blank), row 4 records them: 3 of 6 new flagged.
    expect(cells(3).slice(8, 14)).toEqual(['5', '0', '', '', '1', '']);
    expect(cells(4).slice(8, 14)).toEqual(['6', '1', '2', '1', '1', '50']);
    expect(cells(2).slice(8, 14)).toEqual(['', '', '', '', '', '']);
  });

  it('leaves both out when no run recorded them, as older histories have', () => {
    const old = nights().map(({ gate: _g, changes: _c, ...rest }) => rest);
    const md = trendMarkdown(old);
    expect(md).toContain('| \\# | time | commit | scanned | flagged | flagged % | flat-cpu % |');
    expect(trendText(old)).not.toMatch(/^gate/m);
  });

  it('says in a terminal how many recorded runs failed, and shows each run’s decision and changes', () => {
    const text = trendText(nights());
    expect(text).toMatch(/^gate +failed 1 of the 3 runs that recorded it$/m);
    expect(text).toContain(
      'time              commit   gate    scanned  flagged  rate      new     gone  missing modified    flips  new fl%',
    );
    expect(text).toMatch(/^2026-11-04 00:00 {2}- {8}passed {7}13 {8}3 {3}23\.1% {8}6 {8}1 {8}2 {8}1 {8}1 {4}50\.0%$/m);
    expect(text).toMatch(/^2026-11-01 00:00 {2}- {8}- {12}10 {8}0 {4}0\.0%( {8}-){6}$/m);
  });
});
