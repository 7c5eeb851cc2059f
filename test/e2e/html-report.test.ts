/**
 * The HTML report written by the bundled CLI (node dist/episode-gate.js check --html), opened
 * from disk in a real headless Chromium (Debian's chromium, driven by playwright-core): no
 * console error, no request, charts whose counts are the report's, a drill-down with one bar per
 * phase and the threshold, and hostile sample names kept as text. A screenshot is kept in
 * .tmp/screenshots/ (a CI artifact path).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAT_CPU, FLAT_LOAD, ZERO, episodeMembers, type EpisodeSpec } from '../../tools/lib/synth.js';
import { writeTarZst } from '../../tools/lib/tarball.js';
import type { Report } from '../../src/gate/report.js';
import { launchChromium } from '../support/browser.js';

const repo = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repo, 'dist', 'episode-gate.js');
const SCREENSHOTS = path.join(repo, '.tmp', 'screenshots');
const tmp = mkdtempSync(path.join(tmpdir(), 'html-report-'));

const HOSTILE = '<script>alert(1)</script></details><img src=x onerror=alert(2)>';
const BURST = { clean: 200, infecting: 100, infected_running: 6000, dormant: 300 };

const EPISODES: Array<{ host: string; spec: EpisodeSpec }> = [
  // flat everywhere: flat-cpu, with a sample name made to break out of the markup
  {
    host: 'lab-x',
    spec: {
      episodeId: 'ep-hostile',
      seed: 1,
      cpuPct: FLAT_CPU,
      netBytesPerSec: ZERO,
      qmpBytesPerSec: ZERO,
      guestLoad: FLAT_LOAD,
      sample: HOSTILE,
    },
  },
  // rescued by a netflow burst in infected_running: kept at the default threshold, flagged at 100 MB
  {
    host: 'lab-x',
    spec: {
      episodeId: 'ep-burst',
      seed: 2,
      cpuPct: FLAT_CPU,
      netBytesPerSec: BURST,
      qmpBytesPerSec: ZERO,
      guestLoad: FLAT_LOAD,
      sample: 'burst',
    },
  },
  { host: 'lab-y', spec: { episodeId: 'ep-no-sample', seed: 3, sample: null } },
  { host: 'lab-y', spec: { episodeId: 'ep-busy', seed: 4, sample: 'busy' } },
];

function run(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let browser: Browser;
let page: Page;
let report: Report;
const consoleErrors: string[] = [];
const requests: string[] = [];
const htmlFile = path.join(tmp, 'report.html');

beforeAll(async () => {
  const root = path.join(tmp, 'ds');
  const index: string[] = [];
  for (const { host, spec } of EPISODES) {
    mkdirSync(path.join(root, 'episodes', host), { recursive: true });
    writeTarZst(path.join(root, 'episodes', host, `${spec.episodeId}.tar.zst`), episodeMembers(spec));
    index.push(JSON.stringify({ host_id: host, episode_id: spec.episodeId }));
  }
  writeFileSync(path.join(root, 'index.jsonl'), index.join('\n') + '\n');
  expect(run(['baseline', '--dataset', 'ds', '--out', 'baseline.json']).code).toBe(0);
  const r = run([
    'check',
    '--dataset',
    'ds',
    '--baseline',
    'baseline.json',
    '--set',
    'netflowSpreadBytes=100000000',
    '--report-out',
    'report.json',
    '--html',
    'report.html',
  ]);
  expect(r.err).toContain('GATE FAILED');
  expect(r.code).toBe(1);
  report = JSON.parse(readFileSync(path.join(tmp, 'report.json'), 'utf8')) as Report;

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (q) => requests.push(q.url()));
  await page.goto(`file://${htmlFile}`, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const count = (sel: string): Promise<number> => page.locator(sel).count();
const dataCounts = (sel: string): Promise<number[]> =>
  page.locator(sel).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));

describe('the HTML report in Chromium', () => {
  it('loads from disk with no console error and no request but the page itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([`file://${htmlFile}`]);
    const html = readFileSync(htmlFile, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
  });

  it('says the gate failed and why', async () => {
    expect(await page.locator('#verdict').getAttribute('class')).toContain('failed');
    expect(await page.locator('#verdict .cause').innerText()).toContain('kept 1 → 0');
    // The same three lines the job summary leads with, from the one summary model.
    expect(await page.locator('#verdict .accept').innerText()).toContain(`accept it: node ${cli} baseline `);
    // In the job summary's order: the headline, the effect, how to accept it, then the regressions.
    const order = await page.locator('#verdict > div').evaluateAll((els) => els.map((e) => e.className));
    expect(order.filter((c) => c !== 'cause')).toEqual(['head', 'effect', 'accept']);
    if (order.includes('cause')) expect(order[order.length - 1]).toBe('cause');
  });

  it('charts flagged episodes by reason and hosts with the report counts', async () => {
    const reasons = Object.keys(report.by_reason);
    expect(await count('svg.by-reason rect.bar')).toBe(reasons.length);
    const shown = await page
      .locator('svg.by-reason rect.bar')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-label'), Number(e.getAttribute('data-count'))]));
    expect(Object.fromEntries(shown)).toEqual(report.by_reason);
    expect(await dataCounts('svg.hosts rect.bar')).toEqual(Object.values(report.hosts).map((h) => h.kept));
    expect(await dataCounts('svg.hosts rect.bar2')).toEqual(Object.values(report.hosts).map((h) => h.flagged));
  });

  it('draws one spread histogram per source holding every analysed spread, with the old and new threshold', async () => {
    expect(await count('svg.hist')).toBe(4);
    for (const source of ['proc', 'netflow', 'qmp', 'guest'] as const) {
      const bins = await dataCounts(`.panel[data-source="${source}"] rect.bin`);
      const spreads = report.episodes.filter((e) => e.evidence?.sources && e.evidence.sources[source].status !== 'unknown');
      expect(bins.reduce((a, b) => a + b, 0)).toBe(spreads.length);
      expect(await count(`.panel[data-source="${source}"] line.threshold`)).toBe(1);
    }
    expect(await count('.panel[data-source="netflow"] line.threshold-old')).toBe(1);
    expect(await count('.panel[data-source="proc"] line.threshold-old')).toBe(0);
  });

  it("a flagged episode's drill-down: one bar per phase and the threshold band, per source", async () => {
    const ep = page.locator('details.ep[data-episode="lab-x/ep-burst"]');
    await ep.locator('summary').click();
    expect(await ep.getAttribute('open')).not.toBeNull();
    expect(await ep.locator('summary').innerText()).toContain('kept → flagged');
    const netflow = ep.locator('.src[data-source="netflow"]');
    const bars = await netflow
      .locator('rect.phase-bar')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-phase'), Number(e.getAttribute('data-value'))] as const));
    expect(bars.map(([p]) => p)).toEqual(['clean', 'infecting', 'infected_running', 'dormant']);
    const top = bars.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(top[0]).toBe('infected_running');
    expect(await netflow.locator('rect.band').count()).toBe(1);
    expect(await netflow.locator('line.threshold').count()).toBe(1);
    expect(await netflow.locator('polyline.spark-run').count()).toBeGreaterThanOrEqual(4);
    expect(await netflow.locator('rect.band').isVisible()).toBe(true);
    for (const source of ['proc', 'qmp', 'guest']) expect(await ep.locator(`.src[data-source="${source}"] rect.phase-bar`).count()).toBe(4);
  });

  it('keeps a hostile sample name as text', async () => {
    expect(await count('script')).toBe(0);
    expect(await count('img')).toBe(0);
    const ep = page.locator('details.ep[data-episode="lab-x/ep-hostile"]');
    expect(await ep.count()).toBe(1);
    await ep.locator('summary').click();
    expect(await ep.locator('.body').innerText()).toContain(JSON.stringify(HOSTILE));
    // The </details> inside the name did not close the drill-down early.
    expect(await ep.locator('.src').count()).toBe(4);
  });

  it('leaves a screenshot for CI', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, 'report.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
  });
});

describe('chart labels', () => {
  it('stay inside their chart, also a threshold at the right end of its axis', async () => {
    // 95 pp sits just under the proc axis' end (100): centred, its label ran past the edge.
    run(['check', '--dataset', 'ds', '--baseline', 'baseline.json', '--set', 'procSpreadPct=95', '--html', 'thr.html']);
    const p = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await p.goto(`file://${path.join(tmp, 'thr.html')}`, { waitUntil: 'load' });
    expect(await p.locator('.panel[data-source="proc"] text.thr').textContent()).toBe('threshold 95.0 pp');
    const outside = await p.locator('svg text').evaluateAll((els) =>
      els
        .map((e) => {
          const t = e.getBoundingClientRect();
          const c = e.closest('svg')!.getBoundingClientRect();
          return t.left < c.left - 0.5 || t.right > c.right + 0.5 ? e.textContent : null;
        })
        .filter((x) => x !== null),
    );
    expect(outside).toEqual([]);
    await p.close();
  });
});

describe('check --html with a history', () => {
  it("draws the trend with this run as its newest point, a failed run's dot in red and the gate column", async () => {
    // Two nights: the first passed, the second failed (a stricter setting), each recorded from its report.
    for (const [night, more] of [
      ['n1', []],
      ['n2', ['--set', 'netflowSpreadBytes=100000000']],
    ] as const) {
      run(['check', '--dataset', 'ds', '--baseline', 'baseline.json', ...more, '--report-out', `${night}.json`]);
      expect(run(['history', 'append', '--history', 'h.jsonl', '--report', `${night}.json`, '--run-id', night]).code).toBe(0);
    }
    const file = path.join(tmp, 'trend.html');
    expect(run(['check', '--dataset', 'ds', '--baseline', 'baseline.json', '--history', 'h.jsonl', '--html', 'trend.html']).code).toBe(0);
    const p = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await p.goto(`file://${file}`, { waitUntil: 'load' });
    expect(await p.locator('#trend circle.trend-point').count()).toBe(3);
    const failed = p.locator('#trend circle.trend-point.failed');
    expect(await failed.count()).toBe(1);
    expect(await failed.evaluate((e) => e.ownerDocument.defaultView!.getComputedStyle(e).fill)).toBe('rgb(207, 34, 46)');
    expect(await failed.locator('title').textContent()).toMatch(/; gate failed$/);
    const cells = await p.locator('#trend tbody tr td:nth-child(2)').allInnerTexts();
    expect(cells).toEqual(['passed', 'failed', 'passed']);
    await p.close();
  });
});

describe('check --html on a report whose dataset is gone', () => {
  it('still writes the page, saying why the per-phase values are missing', () => {
    const moved = path.join(tmp, 'elsewhere');
    mkdirSync(moved);
    execFileSync('cp', [path.join(tmp, 'report.json'), path.join(tmp, 'baseline.json'), moved]);
    const r = spawnSync(process.execPath, [cli, 'check', '--report', 'report.json', '--baseline', 'baseline.json', '--html', 'r.html'], {
      cwd: moved,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    const html = readFileSync(path.join(moved, 'r.html'), 'utf8');
    expect(html).toContain('per-phase values not shown: the dataset (ds/episodes) is not here');
    expect(html).not.toContain('class="phase-bar"');
  });
});

describe('--html on scan and merge', () => {
  it('scan --html: a report-only page; merge --html: the merged whole, gated', () => {
    expect(run(['scan', '--dataset', 'ds', '--report', 's.json', '--html', 's.html']).code).toBe(0);
    const scanned = readFileSync(path.join(tmp, 's.html'), 'utf8');
    expect(scanned).toContain(
      '<section class="verdict report-only" id="verdict"><div class="head">Report only: 4 scanned, 1 kept, 3 flagged',
    );
    for (const k of [1, 2]) expect(run(['scan', '--dataset', 'ds', '--shard', `${k}/2`, '--report', `shard-${k}.json`]).code).toBe(0);
    const merged = run(['merge', 'shard-1.json', 'shard-2.json', '--baseline', 'baseline.json', '--html', 'm.html']);
    expect(merged.code).toBe(0);
    const html = readFileSync(path.join(tmp, 'm.html'), 'utf8');
    expect(html).toContain(
      '<section class="verdict passed" id="verdict"><div class="head">passed — no regressions against baseline.json; 4 scanned, 1 kept, 3 flagged',
    );
    expect((html.match(/<details class="ep"/g) ?? []).length).toBe(3);
    expect((html.match(/class="phase-bar"/g) ?? []).length).toBe(3 * 4 * 4);
  });
});
