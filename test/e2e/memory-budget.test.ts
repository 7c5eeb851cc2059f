/**
 * One small tarball (about 100 KB) holding four 250 MiB JSONL members, each within the member
 * limit and together within the episode limit: the reader must not hold them all, nor all their
 * rows. Run through the bundled command as a process, under a memory cap.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/helpers.js';
import { runCapped } from '../support/run-capped.js';

const MEMBER_BYTES = 250 * 1024 * 1024;
const CAP = 2.5 * 1024 ** 3;

function header(name: string, size: number): Buffer {
  const b = Buffer.alloc(512);
  b.write(name, 0);
  b.write('0000644\0', 100);
  b.write('0001750\0', 108);
  b.write('0001750\0', 116);
  b.write(size.toString(8).padStart(11, '0') + '\0', 124);
  b.write('15157760000\0', 136);
  b.write('        ', 148);
  b.write('0', 156);
  b.write('ustar\0', 257);
  b.write('00', 263);
  let sum = 0;
  for (const x of b) sum += x;
  b.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  return b;
}

/** Streams the tar through the zstd command, so the 1 GB of members is never in memory here. */
async function writeBigEpisode(file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const z = spawn('zstd', ['-q', '-3', '-c'], { stdio: ['pipe', openSync(file, 'w'), 'inherit'] });
  const stdin = z.stdin!;
  const write = (b: Buffer): Promise<void> => new Promise((r) => (stdin.write(b) ? r() : stdin.once('drain', () => r())));
  const meta = Buffer.from('{"sample": {"name": "x"}, "exploit": null}');
  await write(header('ep/meta.json', meta.length));
  await write(Buffer.concat([meta, Buffer.alloc(512 - meta.length)]));
  const lines: Record<string, string> = {
    'events.jsonl': '{"event": "workload_started", "phase": "infected_running", "pre_kill_probe": {"yes": 1}}\n',
    'telemetry-proc.jsonl': '{"t_mono_ns": 1000000000, "t_wall_ns": 1800000000000000000, "cpu_user_jiffies": 100, "cpu_sys_jiffies": 20}\n',
    'labels.jsonl': '{"phase": "clean", "t_wall_ns": 1800000000000000000}\n',
    'netflow.jsonl': '{"t_wall_ns": 1800000000000000000, "bytes_in": 100, "bytes_out": 200}\n',
  };
  for (const [name, line] of Object.entries(lines)) {
    await write(header(`ep/${name}`, MEMBER_BYTES));
    const piece = Buffer.from(line.repeat(Math.floor((1 << 20) / line.length)));
    let left = MEMBER_BYTES;
    while (left >= piece.length) {
      await write(piece);
      left -= piece.length;
    }
    const tail = Buffer.alloc(left, 0x20);
    tail[left - 1] = 0x0a;
    await write(tail);
  }
  await write(Buffer.alloc(1024));
  stdin.end();
  await new Promise((r) => z.on('close', r));
}

describe('a per-episode memory budget holds across members', () => {
  it('four 250 MiB members: flagged unreadable (size limit) under a 2.5 GB cap', async () => {
    const root = tempDir('episode-gate-big-');
    await writeBigEpisode(path.join(root, 'episodes', 'h', 'big.tar.zst'));
    writeFileSync(path.join(root, 'index.jsonl'), '{"host_id": "h", "episode_id": "big"}\n');
    const r = await runCapped('episode-gate.js', ['scan', '--dataset', root, '--jobs', '1'], { capBytes: CAP, timeoutMs: 400_000 });
    expect(r.killed, `peak ${r.peakRssBytes}`).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/"unreadable": ?"size limit: [a-z.-]+: the episode would hold \d+ bytes .*memory budget/);
    expect(r.peakRssBytes).toBeLessThan(CAP);
  }, 600_000);
});
