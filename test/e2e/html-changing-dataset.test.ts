/**
 * The HTML report of a dataset that changed since the baseline, written by the bundled CLI
 * (check --html) from real .tar.zst episodes and opened in a real headless Chromium at 1280x900:
 * what changed (new, gone, modified), the new cohort per host against the baseline's rate with
 * the test's verdict, and the gone, modified and flipped episodes are on the first screen, with
 * the same figures as the markdown summary; the counts and reasons say which episodes they cover.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Baseline, BaselineEpisode } from '../../src/gate/baseline.js';
import type { Report } from '../../src/gate/report.js';
import { addNight, baseCopy, nightSpecs, BASE_NIGHT, removeEpisode } from '../support/changing-datasets.js';
import { launchChromium } from '../support/browser.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const GATE = path.join(REPO, 'dist', 'episode-gate.js');
const CACHE = path.join(REPO, '.cache', 'changing-datasets');
const TMP = path.join(REPO, '.tmp', 'html-changing-e2e');
const SCREENSHOTS = path.join(REPO, '.tmp', 'screenshots');

function gate(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [GATE, ...args], { cwd: TMP, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

let browser: Browser;
let page: Page;
let markdown = '';
let report: Report;
let baseline: Baseline;
/** Three kept and two flagged episodes of the baseline, removed. */
let gone: string[] = [];
/** A flagged episode of the baseline overwritten with a kept one's bytes. */
let modified = '';
const htmlFile = path.join(TMP, 'report.html');

beforeAll(async () => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const d = baseCopy(CACHE, path.join(TMP, 'data'));
  expect(gate('baseline', '--dataset', d, '--out', 'baseline.json', '--jobs', '2').code).toBe(0);
  baseline = JSON.parse(readFileSync(path.join(TMP, 'baseline.json'), 'utf8')) as Baseline;
  const entries = Object.entries(baseline.episodes!) as Array<[string, BaselineEpisode]>;
  const keptKeys = entries.filter(([, e]) => e.reasons.length === 0).map(([k]) => k);
  const flaggedKeys = entries.filter(([, e]) => e.reasons.length > 0).map(([k]) => k);
  gone = [...keptKeys.slice(0, 3), ...flaggedKeys.slice(0, 2)];
  for (const k of gone) removeEpisode(d, ...(k.split('/') as [string, string]));
  // Same id, other bytes: a flagged episode's tarball holds a kept episode's now (a verdict flip too).
  modified = flaggedKeys[2]!;
  const [mh, me] = modified.split('/') as [string, string];
  const [kh, ke] = keptKeys[3]!.split('/') as [string, string];
  writeFileSync(path.join(d, 'episodes', mh, `${me}.tar.zst`), readFileSync(path.join(d, 'episodes', kh, `${ke}.tar.zst`)));
  // 120 new episodes; lab-2's collectors broke, so its 30 are all flat.
  addNight(d, { perHost: 30, seed: 13, prefix: 'night', brokenHost: 'lab-2' });
  const r = gate(
    'check',
    '--dataset',
    d,
    '--baseline',
    'baseline.json',
    '--jobs',
    '2',
    '--summary',
    'summary.md',
    '--report-out',
    'report.json',
    '--html',
    htmlFile,
  );
  expect(r.code, r.err).toBe(1);
  markdown = readFileSync(path.join(TMP, 'summary.md'), 'utf8');
  report = JSON.parse(readFileSync(path.join(TMP, 'report.json'), 'utf8')) as Report;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`file://${htmlFile}`, { waitUntil: 'load' });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  rmSync(TMP, { recursive: true, force: true });
});

/** The bottom of an element in page pixels (the viewport is 900 high, and the page is not scrolled). */
async function bottom(sel: string): Promise<number> {
  const box = await page.locator(sel).first().boundingBox();
  expect(box, sel).not.toBeNull();
  return box!.y + box!.height;
}

const cardValue = (section: string, key: string): Promise<string> => page.locator(`${section} .card[data-key="${key}"] .v`).innerText();

describe('a changed dataset in the HTML report', () => {
  it('says how many episodes are new, gone and modified, as the markdown summary does, on the first screen', async () => {
    const m = /#### Since the baseline: (\d+) new, (\d+) gone, (\d+) modified, (\d+) unchanged/.exec(markdown)!;
    expect(m.slice(1).map(Number)).toEqual([120, 5, 1, 234]);
    expect(await page.locator('#changes h2').innerText()).toBe(
      `Since the baseline: ${m[1]} new, ${m[2]} gone, ${m[3]} modified, ${m[4]} unchanged`,
    );
    for (const [k, v] of [
      ['new', m[1]],
      ['gone', m[2]],
      ['modified', m[3]],
      ['unchanged', m[4]],
    ] as const)
      expect(await cardValue('#changes', k)).toBe(v);
    const mode = await page.locator('#changes .mode').innerText();
    expect(mode).toContain('Mode: changed dataset — 120 new, judged as a cohort against the rate at which episodes arrived');
    expect(mode).toContain(', 5 gone, 1 modified, 234 unchanged');
    expect(await bottom('#changes .cards')).toBeLessThan(900);
  });

  it('shows the new cohort per host against its baseline rate, with the test verdict, on the first screen', async () => {
    const head = /#### New cohort: (.*) flagged vs the baseline's (.*)\n/.exec(markdown)!;
    expect(await page.locator('#changes .cohort h3').innerText()).toBe(`New cohort: ${head[1]} flagged vs the baseline's ${head[2]}`);
    expect(await page.locator('#changes .cohort p.bad').innerText()).toMatch(/one-sided exact test .*: \d+ higher than chance explains/);
    const rows = await page
      .locator('#changes table.cohort-hosts tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((r) => r[0])).toEqual(['lab-0', 'lab-1', 'lab-2', 'lab-3']);
    // Each host's rates are those of the markdown's host table ("new flagged | baseline flagged").
    for (const r of rows) {
      const md = new RegExp(`\\| ${r[0]} \\| \\d+ \\| \\d+ \\| \\d+ \\| ([^|]*?)(?: ❌)? \\| ([^|]*) \\|`).exec(markdown)!;
      expect([r[1], r[2]]).toEqual([md[1], md[2]]);
    }
    const lab2 = rows.find((r) => r[0] === 'lab-2')!;
    expect(lab2[1]).toBe('30/30 (100.0%)');
    expect(lab2[3]).toBe('higher than chance explains');
    expect(rows.filter((r) => r[0] !== 'lab-2').every((r) => r[3] === 'within chance')).toBe(true);
    expect(await page.locator('#changes table.alarms td.id', { hasText: 'lab-2' }).count()).toBeGreaterThan(0);
    expect(await bottom('#changes table.cohort-hosts')).toBeLessThan(900);
  });

  it('lists the gone, modified and flipped episodes, short lists open and long ones folded', async () => {
    const ids = (list: string): Promise<string[]> =>
      page.locator(`#changes details[data-list="${list}"] td.id`).evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
    expect((await ids('gone')).sort()).toEqual([...gone].sort());
    expect(await ids('modified')).toEqual([modified]);
    const flips = report.comparison!.classes!.modified_ids;
    expect(flips).toEqual([modified]);
    expect(await ids('flipped')).toContain(modified);
    expect(await page.locator('#changes details[data-list="flipped"]').innerText()).toContain('flagged → kept');
    expect(await ids('new')).toEqual(
      nightSpecs({ perHost: 30, seed: 13, prefix: 'night', brokenHost: 'lab-2' }).map((x) => `${x.host}/${x.spec.episodeId}`),
    );
    const open = (list: string): Promise<boolean> =>
      page.locator(`#changes details[data-list="${list}"]`).evaluate((e) => e.hasAttribute('open'));
    expect(await open('gone')).toBe(true);
    expect(await open('modified')).toBe(true);
    expect(await open('new')).toBe(false);
    expect(await page.locator('#changes details[data-list="new"] td.id').first().isVisible()).toBe(false);
    // The section leads the page: the first list's header is on the first screen.
    expect(await bottom('#changes details[data-list="gone"] > summary')).toBeLessThan(900);
  });

  it('counts the whole scan against the whole baseline, and says what the rules judge', async () => {
    const b = baseline.counts;
    const c = report.counts;
    expect(b.scanned).toBe(BASE_NIGHT.perHost * 4);
    expect(await cardValue('#counts', 'scanned')).toBe(String(c.scanned));
    const d = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
    for (const k of ['scanned', 'kept', 'flagged'] as const) {
      const text = await page.locator(`#counts .card[data-key="${k}"]`).innerText();
      expect(text).toContain(`baseline ${b[k]} (${d(c[k] - b[k])})`);
      expect(text).toMatch(/in both .* · new \d+/);
    }
    expect(await page.locator('#counts .scope').innerText()).toContain(
      `against the baseline's ${b.scanned} episodes (the 5 gone included)`,
    );
    // Per reason: the whole baseline's count beside the whole scan's, and the episodes in both apart.
    const rows = await page
      .locator('#by-reason tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    for (const [reason, now, base, both, added] of rows) {
      expect(Number(now), reason).toBe(report.by_reason[reason!]);
      expect(Number(base), reason).toBe(baseline.by_reason[reason!] ?? 0);
      expect(both, reason).toMatch(/^\d+ → \d+$/);
      expect(Number(added)).toBeGreaterThanOrEqual(0);
    }
    // The first screen, kept for CI.
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'html-report-changing.png') });
  });
});
