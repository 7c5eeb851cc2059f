/** node dist/episode-gate.js as a process: --version, did-you-mean, hints and the cause-first summary. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/helpers.js';
import { writeThresholdDataset } from '../support/threshold-dataset.js';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'dist', 'episode-gate.js');
const cwd = tempDir('gate-e2e-');

function gate(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  writeThresholdDataset(path.join(cwd, 'data'));
  execFileSync(process.execPath, [bin, 'baseline', '--dataset', 'data', '--out', 'baseline.json'], { cwd, stdio: 'ignore' });
});

describe('episode-gate from dist/', () => {
  it('prints its version', () => {
    const version = (
      JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: repo, encoding: 'utf8' })) as {
        version: string;
      }
    ).version;
    expect(gate('--version')).toMatchObject({ code: 0, out: `episode-gate ${version}\n` });
  });
  it('suggests the option meant', () => {
    const r = gate('check', '--baselin', 'baseline.json', '--hots', 'lab-a');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unrecognized arguments: --hots (did you mean --host?)');
  });
  it('refuses a baseline without a dataset, writing nothing', () => {
    const r = gate('baseline', '--out', 'other.json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no dataset named, but --out is');
    expect(existsSync(path.join(cwd, 'other.json'))).toBe(false);
  });
  it('a single-value option given twice is a usage error naming it, before anything is scanned', () => {
    const r = gate('check', '--dataset', 'data', '--dataset', 'other', '--fail-on', 'flagged');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain("argument --dataset: given twice ('data', then 'other'); pass it once");
    expect(r.err).not.toContain('scanned');
    // Also in the --x=v form, and for the verify and history subcommands' shared parser.
    expect(gate('verify', '--manifest=a', '--manifest=b', '--dataset', 'data').err).toContain('argument --manifest: given twice');
    expect(gate('history', 'show', '--history', 'h.jsonl', '--history', 'i.jsonl').err).toContain('argument --history: given twice');
    // Options documented as repeatable still repeat.
    const reasons = gate('scan', '--dataset', 'data', '--reason', 'flat-cpu', '--reason', 'workload-silent', '--report', 'r.json');
    expect(reasons.code, reasons.err).toBe(0);
  });
  it('--episodes-root alone or --index alone works out the other part, as docs/gate.md says', () => {
    const whole = gate('scan', '--dataset', 'data');
    expect(whole.code, whole.err).toBe(0);
    expect((JSON.parse(whole.out) as { counts: { scanned: number } }).counts.scanned).toBeGreaterThan(0);
    for (const args of [
      ['--episodes-root', 'data/episodes'],
      ['--index', 'data/index.jsonl'],
    ]) {
      const r = gate('scan', ...args);
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out).counts).toEqual(JSON.parse(whole.out).counts);
    }
  });
  it('a mistyped host is exit 2 with did you mean', () => {
    const r = gate('check', '--dataset', 'data', '--baseline', 'baseline.json', '--host', 'lab-z');
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "lab-a"?');
    // Hosts are case-sensitive; the same name in another case is the likeliest slip.
    expect(gate('check', '--dataset', 'data', '--baseline', 'baseline.json', '--host', 'LAB-B').err).toContain('did you mean "lab-b"?');
  });
  it('a threshold change: the first three lines name the setting, its effect and the accept command', () => {
    const r = gate('check', '--dataset', 'data', '--baseline', 'baseline.json', '--set', 'netflowSpreadBytes=81920');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toContain('netflowSpreadBytes 51200 → 81920');
    expect(lines[1]).toContain('4 kept → flagged');
    // Started as node and a script, the command it prints starts the same way, and runs as printed.
    const command = `node ${bin} baseline --dataset data --set netflowSpreadBytes=81920 --out baseline.json`;
    expect(lines[2]).toContain(`<code>${command}</code>`);
    expect(r.err).toContain(`: ${command}\n`);
    const [, script, ...args] = command.split(' ');
    expect(spawnSync(process.execPath, [script!, ...args], { cwd, encoding: 'utf8' }).status).toBe(0);
    expect(gate('check', '--dataset', 'data', '--baseline', 'baseline.json', '--set', 'netflowSpreadBytes=81920').code).toBe(0);
    // Through npx's bin link (npm exec), it says npx.
    const link = path.join(cwd, 'bin', 'episode-gate');
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(bin, link);
    const viaNpx = spawnSync(process.execPath, [link, 'check', '--dataset', 'data'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, npm_command: 'exec' },
    });
    expect(viaNpx.stdout).toContain('<code>npx episode-gate baseline --dataset data --out ci/episode-baseline.json</code>');
  });
});
