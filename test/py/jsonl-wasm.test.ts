/**
 * The WebAssembly template reader's module (src/py/jsonl-template-wasm.ts) is the build of
 * wasm/jsonl-template.ts, and loads on this runtime. What it reads is held to the scanner's own
 * reading in jsonl-templates.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { templateReader } from '../../src/py/jsonl-wasm.js';
import { columnsJsonl } from '../../src/py/jsonl-columns.js';
import { SOURCE_COLUMNS } from '../../src/episode/read.js';

describe('the WebAssembly template reader', () => {
  it('is the build of wasm/jsonl-template.ts', () => {
    const out = execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/up to date \(\d+ bytes of WebAssembly\)/);
  });

  it('loads, and reads the rows after the first of a plain member', () => {
    expect(templateReader()).not.toBeNull();
    const rows = Array.from(
      { length: 50 },
      (_, i) => `{"t_wall_ns": ${1802059200000000000n + BigInt(i)}, "bytes_in": ${i}, "bytes_out": 1}`,
    );
    const c = columnsJsonl(new TextEncoder().encode(rows.join('\n')), SOURCE_COLUMNS.netflow!)!;
    expect(c.wasmRows).toBe(49);
    expect([...c.num.bytes_in!]).toEqual(rows.map((_, i) => i));
    expect(c.wallLo[49]).toBe(Number(1802059200000000049n & 0xffffffffn));
  });
});
