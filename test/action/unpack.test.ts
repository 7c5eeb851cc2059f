import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_UNPACK_LIMITS,
  UnpackError,
  entrySegments,
  sniffArchive,
  unpackArchive,
  unpackLimitsFromEnv,
} from '../../src/action/unpack.js';
import { buildTar, zstdCompress, type TarEntry } from '../../tools/lib/tarball.js';
import { gzipSync } from 'node:zlib';
import { tarHeader } from '../support/hostile-archives.js';
import { buildZip, type ZipEntry } from '../support/zip.js';

const work = mkdtempSync(path.join(tmpdir(), 'unpack-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

function file(name: string, bytes: Uint8Array): string {
  const p = path.join(work, `${n++}-${name}`);
  writeFileSync(p, bytes);
  return p;
}
const dest = (): string => path.join(work, `out-${n++}`);
const tarFile = (entries: TarEntry[], name = 'snap.tar'): string => file(name, buildTar(entries));
const zipFile = (entries: ZipEntry[]): string => file('snap.zip', buildZip(entries));

const DATASET: TarEntry[] = [
  { name: 'dataset/', type: '5' },
  { name: 'dataset/index.jsonl', data: '{"host_id":"h","episode_id":"e"}\n' },
  { name: 'dataset/episodes/h/e.tar.zst', data: 'not really zstd' },
];

describe('unpacking good snapshots', () => {
  it('tar, tar.zst and tar.gz give the same tree', async () => {
    const tar = buildTar(DATASET);
    for (const [name, bytes, kind] of [
      ['s.tar', tar, 'tar'],
      ['s.tar.zst', zstdCompress(tar), 'tar.zst'],
      ['s.tgz', (await import('node:zlib')).gzipSync(tar), 'tar.gz'],
    ] as const) {
      const d = dest();
      const r = await unpackArchive(file(name, bytes), d);
      expect(r).toEqual({ kind, files: 2, bytes: 33 + 15 });
      expect(readFileSync(path.join(d, 'dataset/index.jsonl'), 'utf8')).toBe('{"host_id":"h","episode_id":"e"}\n');
      expect(readFileSync(path.join(d, 'dataset/episodes/h/e.tar.zst'), 'utf8')).toBe('not really zstd');
    }
  });

  it('a tar.zst made of several zstd frames is read to the end', async () => {
    const tar = buildTar(DATASET);
    const half = 1024;
    const bytes = Buffer.concat([zstdCompress(tar.subarray(0, half)), zstdCompress(tar.subarray(half))]);
    const d = dest();
    await unpackArchive(file('multi.tar.zst', bytes), d);
    expect(existsSync(path.join(d, 'dataset/episodes/h/e.tar.zst'))).toBe(true);
  });

  it('zip with folders, deflated files and a link that stays inside', async () => {
    const d = dest();
    const big = 'x'.repeat(5000);
    await unpackArchive(
      zipFile([
        { name: 'index.jsonl', data: big },
        { name: 'episodes/' },
        { name: 'episodes/h/e.tar.zst', data: 'e' },
        { name: 'episodes/h/latest.tar.zst', data: 'e.tar.zst', mode: 0o120777 },
      ]),
      d,
    );
    expect(readFileSync(path.join(d, 'index.jsonl'), 'utf8')).toBe(big);
    expect(readlinkSync(path.join(d, 'episodes/h/latest.tar.zst'))).toBe('e.tar.zst');
    expect(readFileSync(path.join(d, 'episodes/h/latest.tar.zst'), 'utf8')).toBe('e');
  });

  it('PAX and GNU long names, and a hard link to an earlier file (copied)', async () => {
    const long = `dataset/${'d'.repeat(120)}/file.txt`;
    const d = dest();
    await unpackArchive(
      tarFile([
        { name: long, data: 'pax' },
        { name: `dataset/${'g'.repeat(130)}.txt`, data: 'gnu', longNames: 'gnu' },
        { name: 'dataset/short.txt', data: 'short' },
        { name: 'dataset/copy.txt', type: '1', linkname: 'dataset/short.txt' },
      ]),
      d,
    );
    expect(readFileSync(path.join(d, long), 'utf8')).toBe('pax');
    expect(readFileSync(path.join(d, `dataset/${'g'.repeat(130)}.txt`), 'utf8')).toBe('gnu');
    expect(lstatSync(path.join(d, 'dataset/copy.txt')).isFile()).toBe(true);
    expect(readFileSync(path.join(d, 'dataset/copy.txt'), 'utf8')).toBe('short');
  });

  it('file modes from the archive are not kept (no setuid, no executables)', async () => {
    const d = dest();
    await unpackArchive(zipFile([{ name: 'run.sh', data: '#!/bin/sh', mode: 0o104755 }]), d);
    expect(lstatSync(path.join(d, 'run.sh')).mode & 0o7777).toBe(0o644 & ~process.umask());
  });
});

describe('hostile snapshots are refused and nothing lands outside', () => {
  const outside = path.join(work, 'escaped');
  const cases: Array<[string, () => string, RegExp]> = [
    ['tar: ../ traversal', () => tarFile([{ name: '../escaped', data: 'x' }]), /refused entry "\.\.\/escaped": contains "\.\."/],
    ['tar: nested traversal', () => tarFile([{ name: 'a/../../escaped', data: 'x' }]), /contains "\.\."/],
    ['tar: absolute path', () => tarFile([{ name: '/tmp/escaped', data: 'x' }]), /is an absolute path/],
    ['tar: symlink to an absolute path', () => tarFile([{ name: 'l', type: '2', linkname: '/etc/passwd' }]), /links must stay inside/],
    ['tar: symlink with ..', () => tarFile([{ name: 'l', type: '2', linkname: '../escaped' }]), /links must stay inside/],
    [
      'tar: symlink chain (link to ".", then a link through it)',
      () =>
        tarFile([
          { name: 'a/', type: '5' },
          { name: 'a/self', type: '2', linkname: '.' },
          { name: 'a/up', type: '2', linkname: 'self/../../escaped' },
        ]),
      /links must stay inside/,
    ],
    [
      'tar: a file written through a link',
      () =>
        tarFile([
          { name: 'sub/', type: '5' },
          { name: 'l', type: '2', linkname: 'sub' },
          { name: 'l/f', data: 'x' },
        ]),
      /written through the link "l"/,
    ],
    ['tar: hard link to outside', () => tarFile([{ name: 'h', type: '1', linkname: '../escaped' }]), /not an earlier file/],
    ['tar: hard link to /etc/passwd', () => tarFile([{ name: 'h', type: '1', linkname: '/etc/passwd' }]), /not an earlier file/],
    ['tar: character device', () => tarFile([{ name: 'dev', type: '3' }]), /is a character device/],
    ['tar: FIFO', () => tarFile([{ name: 'fifo', type: '6' }]), /is a FIFO/],
    [
      'tar: duplicate entry',
      () =>
        tarFile([
          { name: 'a', data: '1' },
          { name: 'a', data: '2' },
        ]),
      /appears twice/,
    ],
    ['tar: truncated', () => file('t.tar', buildTar([{ name: 'a', data: 'x'.repeat(2000) }]).subarray(0, 1024)), /truncated archive/],
    ['tar: no end marker', () => file('t.tar', buildTar([{ name: 'a', data: 'x' }], { trailer: false })), /end-of-archive/],
    ['zip: ../ traversal', () => zipFile([{ name: '../escaped', data: 'x' }]), /refused entry: invalid relative path: \.\.\/escaped/],
    ['zip: absolute path', () => zipFile([{ name: '/tmp/escaped', data: 'x' }]), /absolute path/],
    ['zip: symlink outside', () => zipFile([{ name: 'l', data: '/etc/passwd', mode: 0o120777 }]), /links must stay inside/],
    ['zip: symlink with ..', () => zipFile([{ name: 'l', data: '../../escaped', mode: 0o120777 }]), /links must stay inside/],
    ['zip: block device', () => zipFile([{ name: 'dev', mode: 0o060644 }]), /device file/],
    ['not an archive', () => file('x.bin', Buffer.from('hello world')), /is not a \.zip, \.tar, \.tar\.zst or \.tar\.gz snapshot/],
  ];
  for (const [label, make, message] of cases) {
    it(label, async () => {
      const d = dest();
      const err = await unpackArchive(make(), d).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnpackError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
      expect(existsSync(outside)).toBe(false);
    });
  }
});

describe('limits', () => {
  it('every byte of the tar stream counts: headers, data and padding', async () => {
    const tar = buildTar([
      { name: 'a', data: 'x'.repeat(600) },
      { name: 'b', data: 'x'.repeat(600) },
    ]);
    const f = file('snap.tar', tar);
    // a: header 512 + data 1024 padded; b would end at 3072.
    await expect(unpackArchive(f, dest(), { maxBytes: 3071, maxEntries: 10 })).rejects.toThrow(
      /unpacked size exceeds 3071 bytes \(at "b", which declares 600 bytes\); refused \(raise EPISODE_GATE_MAX_UNPACK_BYTES/,
    );
    await expect(unpackArchive(f, dest(), { maxBytes: tar.length, maxEntries: 10 })).resolves.toMatchObject({ files: 2, bytes: 1200 });
  });

  it('the data of entries that are not written counts too (a directory declaring data)', async () => {
    const tar = Buffer.concat([
      tarHeader('dataset/', 1024 * 1024, '5'),
      Buffer.alloc(1024 * 1024),
      buildTar([{ name: 'dataset/index.jsonl', data: '{}\n' }]),
    ]);
    for (const [name, bytes] of [
      ['dir.tar', tar],
      ['dir.tar.gz', gzipSync(tar)],
      ['dir.tar.zst', zstdCompress(tar)],
    ] as const) {
      const f = file(name, bytes);
      await expect(unpackArchive(f, dest(), { maxBytes: 64 * 1024, maxEntries: 10 })).rejects.toThrow(
        /unpacked size exceeds 65536 bytes \(at "dataset\/", which declares 1048576 bytes\)/,
      );
      await expect(unpackArchive(f, dest(), { maxBytes: tar.length, maxEntries: 10 })).resolves.toMatchObject({ files: 1, bytes: 3 });
    }
  });

  it('size limit holds for zip and counts what is declared', async () => {
    const f = zipFile([{ name: 'a', data: 'x'.repeat(5000) }]);
    await expect(unpackArchive(f, dest(), { maxBytes: 4999, maxEntries: 10 })).rejects.toThrow(/exceeds 4999 bytes/);
  });

  it('a zip entry inflating past the size it declares is refused', async () => {
    const f = zipFile([{ name: 'index.jsonl', data: 'x'.repeat(100_000), declaredSize: 100 }]);
    await expect(unpackArchive(f, dest())).rejects.toThrow(
      /refused entry "index\.jsonl": its data does not match the size it declares \(100 bytes\)/,
    );
  });

  it('entry count', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: '' }));
    await expect(unpackArchive(tarFile(entries), dest(), { maxBytes: 1e6, maxEntries: 4 })).rejects.toThrow(/more than 4 entries/);
    await expect(unpackArchive(zipFile(entries), dest(), { maxBytes: 1e6, maxEntries: 4 })).rejects.toThrow(/more than 4 entries/);
    const d = dest();
    await unpackArchive(zipFile(entries), d, { maxBytes: 1e6, maxEntries: 5 });
    expect(readdirSync(d).sort()).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
  });

  it('a zstd bomb stops at the limit without inflating it all', async () => {
    const tar = buildTar([{ name: 'zeros', data: new Uint8Array(64 * 1024 * 1024) }]);
    const f = file('bomb.tar.zst', zstdCompress(tar, 19));
    expect(lstatSync(f).size).toBeLessThan(64 * 1024);
    await expect(unpackArchive(f, dest(), { maxBytes: 1024 * 1024, maxEntries: 10 })).rejects.toThrow(/exceeds 1048576 bytes/);
  });
});

describe('the limit from EPISODE_GATE_MAX_UNPACK_BYTES', () => {
  it('a byte count replaces the default size limit; anything else is refused in one line', () => {
    expect(unpackLimitsFromEnv({})).toEqual(DEFAULT_UNPACK_LIMITS);
    expect(unpackLimitsFromEnv({ EPISODE_GATE_MAX_UNPACK_BYTES: '1048576' }).maxBytes).toBe(1048576);
    for (const bad of ['5G', '-1', '0', '1e9']) {
      expect(() => unpackLimitsFromEnv({ EPISODE_GATE_MAX_UNPACK_BYTES: bad })).toThrow(
        new RegExp(`^EPISODE_GATE_MAX_UNPACK_BYTES is "${bad}": give a positive whole number of bytes`),
      );
    }
  });
});

describe('names and kinds', () => {
  it('entrySegments', () => {
    expect(entrySegments('./a//b/')).toEqual(['a', 'b']);
    expect(entrySegments('a/../b')).toMatch(/\.\./);
    expect(entrySegments('C:/x')).toMatch(/absolute/);
    expect(entrySegments('a\\b')).toMatch(/backslash/);
  });

  it('kind comes from the bytes, not the name', async () => {
    expect(await sniffArchive(file('really-a-zip.tar', buildZip([{ name: 'a', data: 'x' }])))).toBe('zip');
    expect(await sniffArchive(file('really-a-tar.zip', buildTar([{ name: 'a', data: 'x' }])))).toBe('tar');
  });
});
