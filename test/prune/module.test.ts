/**
 * The prune module API (src/prune) on small hand-made datasets: which lines go, which stay byte
 * for byte, and which requests are refused before anything is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPrune } from '../../src/prune/index.js';
import { datasetAt, tarball, tempDir, tree, type Dataset, removeTempDirs } from '../support/prune.js';

afterAll(removeTempDirs);

/** A dataset whose tarballs are arbitrary bytes (the module API never reads them) and whose index is `index`. */
function handMade(prefix: string, keys: string[], index: Buffer | string): Dataset {
  const ds = datasetAt(tempDir(prefix));
  for (const k of keys) {
    fs.mkdirSync(path.dirname(tarball(ds.episodes, k)), { recursive: true });
    fs.writeFileSync(tarball(ds.episodes, k), `tarball of ${k}\n`);
  }
  fs.writeFileSync(ds.index, index);
  fs.chownSync(ds.index, 1234, 1234);
  fs.chmodSync(ds.index, 0o640);
  return ds;
}

function flagged(ds: Dataset, ...keys: string[]): Array<{ host: string; episode: string; tarPath: string }> {
  return keys.map((k) => {
    const [host, episode] = k.split('/') as [string, string];
    return { host, episode, tarPath: tarball(ds.episodes, k) };
  });
}

const row = (h: string, e: string, extra = ''): string => `{"host_id":"${h}","episode_id":"${e}"${extra}}`;

describe('index rewrite', () => {
  it('drops only whole rows of acted-on keys; every other byte stays, in order', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const invalidUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]);
    const lines = [
      Buffer.concat([bom, Buffer.from(`${row('h1', 'a')}\n`)]), // a BOM makes it not JSON to the scan: kept
      `${row('h1', 'a')}\r\n`, // CRLF row of a flagged key: goes, \r and all
      `${row('h2', 'a')}\n`, // same episode_id on another host: stays
      '   \n',
      'not json at all\n',
      invalidUtf8,
      `{"host_id": "h1",   "episode_id": "a", "received_at": "x"}\n`, // second row of the same key: goes
      `${row('h1', 'b')}\r${row('h1', 'kept')}\n`, // two rows on one line, one kept: line stays
      `${row('h1', 'b')}\u2028${row('h1', 'a')}\n`, // two rows, both flagged: line goes
      `[${row('h1', 'a')}]\n`,
      `${row('h1', 'a', ',"x":[1,2')}\n`, // broken JSON mentioning the key: stays
      row('h1', 'b'), // last line, no newline, flagged: goes
    ].map((l) => (typeof l === 'string' ? Buffer.from(l) : l));
    const ds = handMade('rewrite-lines', ['h1/a', 'h1/b', 'h2/a', 'h1/kept'], Buffer.concat(lines));
    const res = await applyPrune({ ...datasetRoots(ds), action: 'delete', flagged: flagged(ds, 'h1/a', 'h1/b') });
    expect(res.report.acted).toEqual([
      { host: 'h1', episode: 'a' },
      { host: 'h1', episode: 'b' },
    ]);
    const keptIdx = [0, 2, 3, 4, 5, 7, 9, 10];
    expect(fs.readFileSync(ds.index).toString('latin1')).toBe(Buffer.concat(keptIdx.map((i) => lines[i]!)).toString('latin1'));
    expect(res.report.rowsDropped).toBe(5);
    expect(Object.keys(tree(ds.episodes)).sort()).toEqual(['h1/kept.tar.zst', 'h2/a.tar.zst']);
  });

  it('never drops rows past the part of the index the scan had seen', async () => {
    const seen = `${row('h', 'x')}\n${row('h', 'y')}\n`;
    const later = `${row('h', 'x', ',"again":true')}\n`; // a row appended after the scan
    const ds = handMade('rewrite-seen', ['h/x', 'h/y'], seen + later);
    await applyPrune({ ...datasetRoots(ds), action: 'delete', flagged: flagged(ds, 'h/x'), indexBytesSeen: Buffer.byteLength(seen) });
    expect(fs.readFileSync(ds.index, 'utf8')).toBe(`${row('h', 'y')}\n${later}`);
  });

  it('keeps the index owner and mode, and saves archived rows beside the tarball', async () => {
    const ds = handMade('rewrite-owner', ['h/x', 'h/y'], `${row('h', 'x', ',"n":1')}\n${row('h', 'y')}\n${row('h', 'x', ',"n":2')}`);
    fs.chmodSync(ds.index, 0o620);
    await applyPrune({ ...datasetRoots(ds), action: 'archive', flagged: flagged(ds, 'h/x') });
    const st = fs.statSync(ds.index);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([1234, 1234, 0o620]);
    expect(fs.readFileSync(path.join(ds.archive, 'h', 'x.index.jsonl'), 'utf8')).toBe(
      `${row('h', 'x', ',"n":1')}\n${row('h', 'x', ',"n":2')}\n`,
    );
    expect(fs.readFileSync(tarball(ds.archive, 'h/x'), 'utf8')).toBe('tarball of h/x\n');
  });

  it('does not touch the index when nothing could be acted on', async () => {
    const ds = handMade('rewrite-none', ['h/x'], `${row('h', 'x')}\n`);
    fs.mkdirSync(path.join(ds.archive, 'h'), { recursive: true });
    fs.writeFileSync(tarball(ds.archive, 'h/x'), 'different');
    const ino = fs.statSync(ds.index).ino;
    const res = await applyPrune({ ...datasetRoots(ds), action: 'archive', flagged: flagged(ds, 'h/x') });
    expect(res.report.acted).toEqual([]);
    expect(res.report.refused[0]!.reason).toContain('the archive already holds a different');
    expect(fs.statSync(ds.index).ino).toBe(ino);
  });
});

describe('refusals', () => {
  it('ids that are not one safe path component never become paths', async () => {
    const ds = handMade('hostile', ['h/ok'], `${row('h', 'ok')}\n`);
    const outside = path.join(ds.dir, 'victim.tar.zst');
    fs.writeFileSync(outside, 'must survive');
    const hostile: Array<[string, string]> = [
      ['..', 'victim'],
      ['.', '../victim'],
      ['h', '..'],
      ['h/../..', 'victim'],
      ['h\\..', 'victim'],
      ['h', 'a\u0000b'],
      ['h', 'line\nbreak'],
      ['', 'victim'],
      ['h', ''],
    ];
    const log: string[] = [];
    const res = await applyPrune({
      ...datasetRoots(ds),
      action: 'delete',
      flagged: hostile.map(([host, episode]) => ({ host, episode, tarPath: path.join(ds.episodes, host, `${episode}.tar.zst`) })),
      log: (l) => log.push(l),
    });
    expect(res.report.acted).toEqual([]);
    expect(res.report.refused).toHaveLength(hostile.length);
    for (const r of res.report.refused) expect(r.reason).toMatch(/not a single safe path component/);
    expect(fs.readFileSync(outside, 'utf8')).toBe('must survive');
    expect(log.filter((l) => l.startsWith('refused '))).toHaveLength(hostile.length);
  });

  it('a tarball path that is not <root>/<host>/<episode>.tar.zst is refused', async () => {
    const ds = handMade('oddpath', ['h/x'], `${row('h', 'x')}\n`);
    const elsewhere = path.join(ds.dir, 'x.tar.zst');
    fs.writeFileSync(elsewhere, 'keep');
    const res = await applyPrune({ ...datasetRoots(ds), action: 'delete', flagged: [{ host: 'h', episode: 'x', tarPath: elsewhere }] });
    expect(res.report.refused[0]!.reason).toContain(`tarball path ${elsewhere} is not ${tarball(ds.episodes, 'h/x')}`);
    expect(fs.existsSync(elsewhere)).toBe(true);
    expect(fs.existsSync(tarball(ds.episodes, 'h/x'))).toBe(true);
  });

  it('a stray index.jsonl.prune-old that may hold rows stops the run before anything moves', async () => {
    const ds = handMade('stray-old', ['h/x'], `${row('h', 'x')}\n`);
    fs.writeFileSync(`${ds.index}.prune-old`, `${row('h', 'lost-otherwise')}\n`);
    await expect(applyPrune({ ...datasetRoots(ds), action: 'delete', flagged: flagged(ds, 'h/x') })).rejects.toThrow(
      `${ds.index}.prune-old is not the current index and may hold rows that are not in ${ds.index}`,
    );
    expect(fs.existsSync(tarball(ds.episodes, 'h/x'))).toBe(true);
    expect(fs.existsSync(`${ds.index}.prune-journal`)).toBe(false);
  });

  it('a symlinked tarball is left alone (its target is never moved or removed)', async () => {
    const ds = handMade('symlink', [], `${row('h', 'x')}\n`);
    const target = path.join(ds.dir, 'precious');
    fs.writeFileSync(target, 'precious');
    fs.mkdirSync(path.join(ds.episodes, 'h'), { recursive: true });
    fs.symlinkSync(target, tarball(ds.episodes, 'h/x'));
    const res = await applyPrune({ ...datasetRoots(ds), action: 'archive', flagged: flagged(ds, 'h/x') });
    expect(res.report.refused[0]!.reason).toContain('is not a regular file');
    expect(fs.lstatSync(tarball(ds.episodes, 'h/x')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(ds.index, 'utf8')).toBe(`${row('h', 'x')}\n`);
  });
});

function datasetRoots(ds: Dataset): { indexPath: string; episodesRoot: string; archiveRoot: string } {
  return { indexPath: ds.index, episodesRoot: ds.episodes, archiveRoot: ds.archive };
}
