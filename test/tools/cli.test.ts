/**
 * The tools under tools/ answer --help with their usage and refuse an option they do not take,
 * before doing any work: the fuzzer given --help once ran 400 episodes into a temporary folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTool, tempDir } from '../support/helpers.js';

const TOOLS = [
  'tools/parity/fuzz.ts',
  'tools/parity/check.ts',
  'tools/parity/steady.ts',
  'tools/parity/dataset.ts',
  'tools/parity/medians-dataset.ts',
  'tools/parity/gzip-dataset.ts',
  'tools/bench-manifest.ts',
  'tools/html-bench.ts',
  'tools/bench.ts',
];

const tool = runTool;

describe('tools/ --help', () => {
  it.each(TOOLS)('%s prints its usage and exits 0 without running', (file) => {
    const out = path.join(tempDir('episode-gate-tool-'), 'out');
    const r = tool(file, ['--help', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^[`A-Z]/); // the script's opening comment, without its markers
    expect(r.out).not.toContain('/**');
    expect(existsSync(out)).toBe(false);
  });

  it('the fuzzer refuses an option it does not take, naming the ones it does, and writes nothing', () => {
    const out = path.join(tempDir('episode-gate-tool-'), 'out');
    const r = tool('tools/parity/fuzz.ts', ['--episode', '3', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('unknown option --episode; the options are --episodes, --seed, --out, --reference, --zstd (see --help)\n');
    expect(existsSync(out)).toBe(false);
  });
});
