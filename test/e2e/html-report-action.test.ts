/**
 * The Action's `html-report` input, through dist/index.js and the real artifact client against
 * the loopback fake GitHub: the page is uploaded as its own artifact and linked from the summary.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackArchive } from '../../src/action/unpack.js';
import { FakeGitHub } from '../support/fake-github.js';
import { hasStackTrace, runAction } from '../support/run-action.js';

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
});
afterAll(async () => {
  await gh.stop();
});

describe('html-report: the HTML report as an artifact', () => {
  it('uploads one self-contained page next to the JSON report, linked from the job summary', async () => {
    const r = await runAction({
      inputs: { 'fail-on': 'never', 'html-report': 'gate-html', 'upload-report': 'gate-json' },
      env: gh.env(),
    });
    expect(r.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(r.code).toBe(0);
    const up = gh.uploads.get('gate-html');
    expect(up?.finalize).toMatchObject({ name: 'gate-html' });
    const zip = path.join(mkdtempSync(path.join(tmpdir(), 'html-artifact-')), 'a.zip');
    writeFileSync(zip, up!.data!);
    await unpackArchive(zip, `${zip}.d`);
    expect(readdirSync(`${zip}.d`)).toEqual(['episode-gate-report.html']);
    const html = readFileSync(path.join(`${zip}.d`, 'episode-gate-report.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).toContain('data-episode="lab-a/ep-flat-everywhere"');
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(r.summary).toMatch(
      /HTML report \(charts, per-phase drill-down\): artifact \[gate-html\]\(https:\/\/github\.com\/octo-org\/episode-lab\/actions\/runs\/4242\/artifacts\/\d+\)/,
    );
    expect(r.summary).toContain('JSON report: artifact gate-json');
  });

  it('a name with a slash: one line naming the input and the fix, no scan', async () => {
    const r = await runAction({ inputs: { 'html-report': 'a/b' }, env: gh.env() });
    expect(r.code).toBe(1);
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toEqual([`Input 'html-report' is "a/b": artifact names cannot contain "/"; choose a name like episode-gate-html`]);
    expect(hasStackTrace(r)).toBe(false);
  });
});
