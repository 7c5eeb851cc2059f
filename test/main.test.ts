/**
 * run() in-process with the gate replaced by one that throws, as a defect would: the step must
 * fail with one line that says the tool broke, and print no stack trace.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseAnnotations, FIXTURE_DATASET } from './support/run-action.js';

vi.mock('../src/gate/run.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/gate/run.js')>()),
  runGate: vi.fn(async () => {
    const e = new TypeError("Cannot read properties of undefined (reading 'counts')");
    e.stack = `${e.message}\n    at runGate (/src/gate/run.ts:10:5)\n    at run (/src/main.ts:20:3)`;
    throw e;
  }),
}));

let written = '';
const saved = { ...process.env };
beforeEach(() => {
  written = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk);
    return true;
  });
  for (const k of Object.keys(process.env))
    if (k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k === 'RUNNER_DEBUG') delete process.env[k];
  process.env.INPUT_DATASET = path.relative(process.cwd(), FIXTURE_DATASET);
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

describe('a defect in the tool', () => {
  it('fails the step with one line naming it a bug, without a stack trace', async () => {
    const { run } = await import('../src/main.js');
    await run();
    expect(process.exitCode).toBe(1);
    const errors = parseAnnotations(written).filter((a) => a.level === 'error');
    expect(errors.map((a) => a.message)).toEqual([
      "episode-gate broke (a bug, not a gate result): TypeError: Cannot read properties of undefined (reading 'counts')",
    ]);
    expect(written).not.toMatch(/^\s+at /m);
  });

  it('shows the stack only in debug logging (RUNNER_DEBUG=1)', async () => {
    process.env.RUNNER_DEBUG = '1';
    const { run } = await import('../src/main.js');
    await run();
    expect(written).toMatch(/^::debug::.*at runGate/m);
  });
});
