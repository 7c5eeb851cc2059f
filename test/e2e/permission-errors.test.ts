/**
 * A file the user running the tool may not read (or a folder it may not write) is named with a
 * permission fix, never a path fix: the path given was right. The bundled commands run as nobody
 * (65534) against files owned by root.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsErrorWithFix } from '../../src/shared/errors.js';
import { FIXTURES, REPO, tempDir } from '../support/helpers.js';

const NOBODY = '65534';
const PERMISSION_FIX =
  /: EACCES \(permission denied\); give the user this runs as \(uid 65534\) (read access to it|write access to its folder) /;
const PATH_FIX = /check the .*path|pass --dataset|pass --index|pass --manifest|create the folder/;

function asNobody(bin: string, args: string[], cwd: string): { code: number | null; err: string } {
  const r = spawnSync(
    'setpriv',
    [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, path.join(REPO, 'dist', bin), ...args],
    { cwd, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: r.status, err: r.stderr };
}

/** A root-owned copy of the fixtures that nobody may enter and read, with `locked` at mode 000. */
function workspace(): string {
  const dir = tempDir('episode-gate-perm-');
  chmodSync(dir, 0o755);
  cpSync(FIXTURES, path.join(dir, 'ds'), { recursive: true });
  for (const f of ['settings.json', 'baseline.json', 'report.json', 'manifest.json'])
    writeFileSync(path.join(dir, f), '{}\n', { mode: 0o644 });
  mkdirSync(path.join(dir, 'closed'), { mode: 0o755 }); // nobody may not write here
  return dir;
}

function expectPermissionFix(r: { code: number | null; err: string }, names: string): void {
  expect(r.code, r.err).toBe(2);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).toContain(names);
  expect(r.err).toMatch(PERMISSION_FIX);
  expect(r.err).not.toMatch(PATH_FIX);
}

describe('a file nobody may read', () => {
  const dir = workspace();
  const lock = (f: string): void => chmodSync(path.join(dir, f), 0o000);

  it('the index: a permission fix, not "pass --dataset DIR or --index FILE"', () => {
    lock('ds/index.jsonl');
    try {
      expectPermissionFix(asNobody('episode-gate.js', ['scan', '--dataset', 'ds'], dir), 'cannot read the index ds/index.jsonl');
      const prune = asNobody('cis490-prune.js', ['--index', 'ds/index.jsonl', '--episodes-root', 'ds/episodes'], dir);
      expect(prune.code, prune.err).toBe(2);
      expect(prune.err).toMatch(/^cis490-prune: error: cannot read the index ds\/index.jsonl: EACCES \(permission denied\); give the user/);
      expect(prune.err).not.toContain('pass --index');
    } finally {
      chmodSync(path.join(dir, 'ds/index.jsonl'), 0o644);
    }
  });

  it('the settings, the baseline, a report and a manifest', () => {
    for (const f of ['settings.json', 'baseline.json', 'report.json', 'manifest.json']) lock(f);
    expectPermissionFix(
      asNobody('episode-gate.js', ['scan', '--dataset', 'ds', '--settings', 'settings.json'], dir),
      'cannot read the settings file settings.json',
    );
    expectPermissionFix(
      asNobody('episode-gate.js', ['check', '--dataset', 'ds', '--baseline', 'baseline.json'], dir),
      'cannot read the baseline baseline.json',
    );
    expectPermissionFix(asNobody('episode-gate.js', ['merge', 'report.json'], dir), 'cannot read the report report.json');
    expectPermissionFix(
      asNobody('episode-gate.js', ['verify', '--manifest', 'manifest.json', '--dataset', 'ds'], dir),
      'cannot read the manifest manifest.json',
    );
  });

  it('a folder nobody may write: a write-permission fix', () => {
    expectPermissionFix(
      asNobody('episode-gate.js', ['scan', '--dataset', 'ds', '--report', 'closed/report.json'], dir),
      'cannot write the report to',
    );
  });
});

describe('fsErrorWithFix', () => {
  const err = (code: string): NodeJS.ErrnoException => Object.assign(new Error(code), { code });
  it("keeps the caller's fix for a wrong path", () => {
    expect(fsErrorWithFix(err('ENOENT'), 'check the --settings path')).toBe('ENOENT (no such file); check the --settings path');
  });
  it('gives a permission fix for EACCES and EPERM', () => {
    for (const code of ['EACCES', 'EPERM']) {
      const text = fsErrorWithFix(err(code), 'check the --settings path');
      expect(text).toMatch(new RegExp(`^${code} \\(`));
      expect(text).toContain('read access to it');
      expect(text).not.toContain('--settings');
    }
    expect(fsErrorWithFix(err('EACCES'), 'x', 'write')).toContain('write access to its folder');
  });
});
