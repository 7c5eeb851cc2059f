/**
 * Differential fuzzing against the Python reference: writes a dataset of small synthetic
 * episodes, each with a few random mutations at the value, row, line, tar or zstd level, then
 * runs the parity check on it.
 *
 *   npx tsx tools/parity/fuzz.ts [--episodes 400] [--seed 1] [--out DIR] [--reference PATH] [--zstd native|wasm]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTar, buildTarOfSize, zstdCompress, type TarEntry } from '../lib/tarball.js';
import { PHASES, episodeMembers, rng, type EpisodeSpec } from '../lib/synth.js';
import { toolArgs } from '../lib/cli.js';

toolArgs(import.meta.url, ['episodes', 'seed', 'out', 'reference', 'zstd']);

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, dflt: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? dflt : (process.argv[i + 1] ?? dflt);
};
const count = Number(arg('episodes', '400'));
const seed0 = Number(arg('seed', '1'));
const out = arg('out', path.join(os.tmpdir(), `episode-gate-fuzz-${seed0}`));

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const WEIRD_VALUES = [
  'null',
  'true',
  'false',
  '0',
  '1',
  '-1',
  '1.5',
  '-0.0',
  '1.0',
  '1e3',
  '1E400',
  'NaN',
  'Infinity',
  '-Infinity',
  '9223372036854775807',
  '1800000000000000000',
  '123456789012345678901234567890',
  '"12"',
  '" 1_000 "',
  '"1.5"',
  '"abc"',
  '""',
  '"0"',
  '"nan"',
  '"inf"',
  '[]',
  '[1, 2]',
  '["0.5"]',
  '{}',
  '{"yes": "0"}',
  '{"a": 1}',
  '"workload_x"',
  '"dormant"',
  '"clean"',
];

const FIELDS = [
  't_wall_ns',
  't_mono_ns',
  'cpu_user_jiffies',
  'cpu_sys_jiffies',
  'bytes_in',
  'bytes_out',
  'blockstats',
  'load_1m_5m_15m',
  'phase',
  'event',
  'pre_kill_probe',
  'wr_bytes',
  'rd_bytes',
];

/** Replace one field value somewhere in a JSONL member. */
function mutateValue(text: string, r: R): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * Math.max(1, lines.length - 1));
  const field = pick(r, FIELDS);
  const re = new RegExp(`"${field}": (-?[0-9.eE+]+|"[^"]*"|\\[[^\\]]*\\]|\\{[^{}]*\\}|null|true|false)`);
  const mode = r();
  if (mode < 0.7) lines[i] = lines[i]!.replace(re, `"${field}": ${pick(r, WEIRD_VALUES)}`);
  else if (mode < 0.85) lines[i] = lines[i]!.replace(re, '"unused_key": 0');
  else lines[i] = lines[i]!.replace(/^\{/, `{"${field}": ${pick(r, WEIRD_VALUES)}, `);
  return lines.join('\n');
}

function mutateLine(text: string, r: R): string {
  const lines = text.split('\n');
  const i = Math.floor(r() * lines.length);
  const m = pick(r, ['blank', 'ws', 'vt', 'u2028', 'crlf', 'bom', 'trail', 'notobj', 'garbage', 'dup', 'swap', 'drop', 'nbsp', 'ctrl']);
  switch (m) {
    case 'blank':
      lines.splice(i, 0, '');
      break;
    case 'ws':
      lines.splice(i, 0, ' \t \x1f\u3000');
      break;
    case 'vt':
      lines[i] = lines[i]!.replace(', ', ',\x0b ');
      break;
    case 'u2028':
      lines[i] = lines[i]!.replace('"', '"\u2028');
      break;
    case 'crlf':
      return lines.join('\r\n');
    case 'bom':
      lines[0] = '\ufeff' + lines[0];
      break;
    case 'trail':
      lines[i] = lines[i] + pick(r, [' ', '\t', ' x', '\xa0', ',']);
      break;
    case 'notobj':
      lines[i] = pick(r, ['[1, 2]', '"str"', '5', 'null', '1.5', 'true']);
      break;
    case 'garbage':
      lines[i] = '{"t_wall_ns": 1, ';
      break;
    case 'dup':
      lines.splice(i, 0, lines[i] ?? '');
      break;
    case 'swap':
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      break;
    case 'drop':
      lines.splice(i, 1);
      break;
    case 'nbsp':
      lines.splice(i, 0, '\xa0');
      break;
    case 'ctrl':
      lines[i] = lines[i]!.replace(/"phase": "/, '"phase": "\x01');
      break;
  }
  return lines.join('\n');
}

function mutateMembers(ms: TarEntry[], r: R): TarEntry[] {
  const m = pick(r, [
    'dupfirst',
    'symlink',
    'dir',
    'rename',
    'remove',
    'labels-only-one',
    'labels-shuffle',
    'empty',
    'pax',
    'gnu',
    'meta',
    'events',
  ]);
  const idx = Math.floor(r() * ms.length);
  const target = ms[idx]!;
  const base = path.basename(target.name);
  switch (m) {
    case 'dupfirst':
      return [{ name: `old/${base}`, data: '{"event": "boot", "t_wall_ns": 5}\n' }, ...ms];
    case 'symlink':
      return [{ name: `x/${base}`, type: '2', linkname: '/nonexistent' }, ...ms];
    case 'dir':
      return [{ name: `x/${base}/`, type: '5' }, ...ms];
    case 'rename':
      return ms.map((e, i) => (i === idx ? { ...e, name: e.name + '.bak' } : e));
    case 'remove':
      return ms.filter((_, i) => i !== idx);
    case 'labels-only-one':
      return ms.map((e) => (e.name.endsWith('labels.jsonl') ? { ...e, data: String(e.data).split('\n')[Math.floor(r() * 4)] + '\n' } : e));
    case 'labels-shuffle':
      return ms.map((e) =>
        e.name.endsWith('labels.jsonl')
          ? {
              ...e,
              data: String(e.data)
                .trimEnd()
                .split('\n')
                .sort(() => r() - 0.5)
                .join('\n'),
            }
          : e,
      );
    case 'empty':
      return ms.map((e, i) => (i === idx ? { ...e, data: '' } : e));
    case 'pax':
      return ms.map((e) => ({ ...e, name: `${'d'.repeat(60)}/${'e'.repeat(50)}/${path.basename(e.name)}` }));
    case 'gnu':
      return ms.map((e) => ({ ...e, longNames: 'gnu' as const, name: `${'g'.repeat(70)}/${'h'.repeat(40)}/${path.basename(e.name)}` }));
    case 'meta':
      return ms.map((e) =>
        e.name.endsWith('meta.json')
          ? {
              ...e,
              data: pick(r, [
                '{"sample": null}',
                '{"sample": {"name": 5}}',
                '{"sample": {}}',
                '{"sample": "x"}',
                '{"sample": {"name": "ünïcode\\u2028"}, "exploit": {"module_name": null}}',
                '{"exploit": {"module_name": "m"}}',
                '{"sample": {"name": "a"}, "exploit": "x"}',
                '[]',
                '',
                '{"sample": {"name": "a"}} x',
                '{"sample": {"name": 1.0}, "exploit": {"module_name": [1, {"a": NaN}]}}',
                '\ufeff{}',
              ]),
            }
          : e,
      );
    case 'events':
      return ms.map((e) =>
        e.name.endsWith('events.jsonl')
          ? {
              ...e,
              data: pick(r, [
                '{"event": "workload_killed", "phase": "dormant", "pre_kill_probe": {"yes": 0}}\n{"event": "workload_started"}\n',
                '{"event": "workload_killed", "phase": "dormant", "pre_kill_probe": {"yes": "0"}}\n',
                '{"event": "workload_failed"}\n',
                '{"event": ["workload_x"]}\n',
                '{"event": null}\n{"event": "workload_"}\n',
                '',
              ]),
            }
          : e,
      );
  }
  return ms;
}

function mutateTar(tar: Uint8Array, r: R): Uint8Array {
  const t = Buffer.from(tar);
  const m = pick(r, ['truncate', 'flip-header', 'garbage-after', 'zero-first', 'cut-block']);
  switch (m) {
    case 'truncate':
      return t.subarray(0, Math.floor(r() * t.length));
    case 'flip-header': {
      // flip a byte in some 512-aligned header-looking block
      const blocks = Math.floor(t.length / 512);
      const b = Math.floor(r() * blocks) * 512;
      t[b + Math.floor(r() * 512)]! ^= 1 << Math.floor(r() * 8);
      return t;
    }
    case 'garbage-after':
      return Buffer.concat([t, Buffer.from('garbage'.repeat(100))]);
    case 'zero-first':
      return Buffer.concat([Buffer.alloc(512), t]);
    case 'cut-block':
      return t.subarray(0, Math.floor(t.length / 512 / 2) * 512);
  }
  return t;
}

function mutateZst(z: Uint8Array, r: R): Uint8Array {
  const b = Buffer.from(z);
  const m = pick(r, ['truncate', 'flip', 'append-junk', 'two-frames', 'skippable', 'empty']);
  switch (m) {
    case 'truncate':
      return b.subarray(0, Math.floor(r() * b.length));
    case 'flip':
      b[Math.floor(r() * b.length)]! ^= 1 << Math.floor(r() * 8);
      return b;
    case 'append-junk':
      return Buffer.concat([b, Buffer.from([1, 2, 3, 4, 5])]);
    case 'two-frames':
      return Buffer.concat([b, zstdCompress(new Uint8Array(1024))]);
    case 'skippable': {
      const skip = Buffer.alloc(12);
      skip.writeUInt32LE(0x184d2a5a, 0);
      skip.writeUInt32LE(4, 4);
      return Buffer.concat([skip, b]);
    }
    case 'empty':
      return Buffer.alloc(0);
  }
  return b;
}

/** The buffer sizes a tar can fill exactly: one in eight episodes is made k x one of them. */
const SHAPE_UNITS = [64 * 1024, 128 * 1024, 1024 * 1024];

/**
 * The episode's tar, or one in eight times a tar of exactly k x 64 KiB, 128 KiB or 1 MiB (zero
 * padding after the end-of-archive marker, or a capture member filling it). Its own random
 * sequence, so the other draws of a seed stay as they were.
 */
function shapeTar(members: TarEntry[], r: R): Uint8Array {
  if (r() >= 1 / 8) return buildTar(members);
  const unit = pick(r, SHAPE_UNITS);
  const least = buildTar(members).length + 512; // room for the filler's header
  const size = (Math.ceil(least / unit) + Math.floor(r() * 2)) * unit;
  if (r() < 0.5) return buildTarOfSize(members, size);
  return buildTarOfSize(members, size, (bytes) => ({
    name: 'capture/bridge0.pcap',
    data: new Uint8Array(bytes).map(() => (r() < 0.7 ? Math.floor(r() * 256) : 0)),
  }));
}

function main(): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'episodes'), { recursive: true });
  const index: string[] = [];
  for (let n = 0; n < count; n++) {
    const r = rng(seed0 * 100_003 + n);
    const id = `ep-fuzz-${n}`;
    const dur = () => 5 + Math.floor(r() * 40);
    const spec: EpisodeSpec = {
      episodeId: id,
      seed: n,
      durations: { clean: dur(), infecting: dur(), infected_running: dur(), dormant: dur() },
      cpuPct: Object.fromEntries(PHASES.map((p) => [p, r() < 0.5 ? 90 : Math.floor(r() * 100)])) as EpisodeSpec['cpuPct'],
      netBytesPerSec: Object.fromEntries(PHASES.map((p) => [p, r() < 0.7 ? 0 : Math.floor(r() * 6000)])) as EpisodeSpec['netBytesPerSec'],
      qmpBytesPerSec: Object.fromEntries(PHASES.map((p) => [p, r() < 0.7 ? 0 : Math.floor(r() * 20000)])) as EpisodeSpec['qmpBytesPerSec'],
      guestLoad: Object.fromEntries(PHASES.map((p) => [p, r() < 0.6 ? 0.5 : r() * 0.3 + 0.4])) as EpisodeSpec['guestLoad'],
      probeYes: r() < 0.5 ? '0' : '1',
      events: r() < 0.1 ? 'none' : r() < 0.1 ? 'failed' : 'normal',
      sample: r() < 0.1 ? null : 'sample-x',
      sources: { proc: r() > 0.1, netflow: r() > 0.2, qmp: r() > 0.2, guest: r() > 0.3, labels: r() > 0.05 },
    };
    let members = episodeMembers(spec);
    const nMut = Math.floor(r() * 4);
    for (let k = 0; k < nMut; k++) {
      const kind = r();
      if (kind < 0.45) {
        const i = Math.floor(r() * members.length);
        members = members.map((e, j) => (j === i && typeof e.data === 'string' ? { ...e, data: mutateValue(e.data, r) } : e));
      } else if (kind < 0.7) {
        const i = Math.floor(r() * members.length);
        members = members.map((e, j) => (j === i && typeof e.data === 'string' ? { ...e, data: mutateLine(e.data, r) } : e));
      } else {
        members = mutateMembers(members, r);
      }
    }
    let tar = shapeTar(members, rng(seed0 * 100_003 + n + 0x5eed));
    if (r() < 0.08) tar = mutateTar(tar, r);
    let zst = zstdCompress(tar, 1);
    if (r() < 0.06) zst = mutateZst(zst, r);
    const host = `fz-${n % 3}`;
    const file = path.join(out, 'episodes', host, `${id}.tar.zst`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, zst);
    index.push(JSON.stringify({ host_id: host, episode_id: id }));
  }
  writeFileSync(path.join(out, 'index.jsonl'), index.join('\n') + '\n');
  process.stdout.write(`fuzz dataset: ${count} episodes in ${out}\n`);
  const extra = process.argv.includes('--zstd') ? ['--zstd', arg('zstd', 'native')] : [];
  const ref = process.argv.includes('--reference') ? ['--reference', arg('reference', '')] : [];
  try {
    execFileSync(process.execPath, [...process.execArgv, path.join(here, 'check.ts'), '--dataset', out, ...extra, ...ref], {
      stdio: 'inherit',
    });
  } catch {
    process.exitCode = 1;
  }
}

main();
