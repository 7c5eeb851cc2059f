import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/shared/write-file.js';

const dir = (): string => mkdtempSync(path.join(tmpdir(), 'write-file-'));

describe('writeFileAtomic', () => {
  it('replaces a regular file whole and leaves no temporary file', () => {
    const d = dir();
    const f = path.join(d, 'report.json');
    writeFileSync(f, 'old');
    writeFileAtomic(f, 'new', 'report');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(readdirSync(d)).toEqual(['report.json']);
  });

  it('writes through a symlink to its target and keeps the link', () => {
    const d = dir();
    mkdirSync(path.join(d, 'real'));
    writeFileSync(path.join(d, 'real', 'report.json'), 'old');
    symlinkSync('real/report.json', path.join(d, 'latest.json'));
    writeFileAtomic(path.join(d, 'latest.json'), 'new', 'report');
    expect(lstatSync(path.join(d, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(d, 'latest.json'))).toBe('real/report.json');
    expect(readFileSync(path.join(d, 'real', 'report.json'), 'utf8')).toBe('new');
  });

  it('creates the target of a dangling symlink, as the shell would', () => {
    const d = dir();
    symlinkSync(path.join(d, 'target.json'), path.join(d, 'link.json'));
    writeFileAtomic(path.join(d, 'link.json'), 'x', 'report');
    expect(lstatSync(path.join(d, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(d, 'target.json'), 'utf8')).toBe('x');
  });

  it('writes into a named pipe instead of renaming a file over it', async () => {
    const d = dir();
    const fifo = path.join(d, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b: Buffer) => (got += b.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    writeFileAtomic(fifo, 'through the pipe', 'report');
    await done;
    expect(got).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a directory and a symlink loop with one line each', () => {
    const d = dir();
    expect(() => writeFileAtomic(d, 'x', 'report')).toThrow(/^cannot write the report to .*: it is a directory; give a file path$/);
    symlinkSync(path.join(d, 'b'), path.join(d, 'a'));
    symlinkSync(path.join(d, 'a'), path.join(d, 'b'));
    expect(() => writeFileAtomic(path.join(d, 'a'), 'x', 'baseline')).toThrow(/^cannot write the baseline to .*a: its symbolic links loop/);
  });

  it('names a missing folder, and leaves nothing behind', () => {
    const d = dir();
    expect(() => writeFileAtomic(path.join(d, 'absent', 'r.json'), 'x', 'report')).toThrow(
      /^cannot write the report to .*absent\/r\.json: .*check that its folder exists/,
    );
    expect(readdirSync(d)).toEqual([]);
  });
});
