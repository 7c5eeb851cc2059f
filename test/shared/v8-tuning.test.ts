import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { INLINING_BUDGET_FLAG } from '../../src/shared/v8-tuning.js';

describe('V8 tuning', () => {
  // v8.setFlagsFromString ignores a flag V8 does not know: a rename in a later Node would turn the
  // setting off without a word. This runtime's V8 must list it.
  it('names a flag this runtime’s V8 knows', () => {
    const name = INLINING_BUDGET_FLAG.replace(/=.*/, '');
    const out = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(`  ${name} `);
  });

  // Node refuses a malformed V8 option on its command line; the same text must be accepted there.
  it('is a value V8 accepts', () => {
    const out = spawnSync(process.execPath, [INLINING_BUDGET_FLAG, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
  });
});
