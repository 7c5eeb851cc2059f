import { describe, expect, it } from 'vitest';
import { walkIndexText } from '../../src/dataset/index-file.js';

describe('index lines that are no episode row', () => {
  it('are named in one readable line each, in JSON words', () => {
    const text = [
      'null',
      '[1]',
      '"ep-01"',
      '7',
      '{"host_id": "a\u0001"}',
      '{"host_id": "a" "x"}',
      '{"host_id": "lab-a", "episode_id": "ep-01"}',
    ].join('\n');
    const walk = walkIndexText(text, '/nonexistent/episodes');
    expect(walk.problems.map((p) => `${p.line} ${p.detail}`)).toEqual([
      '1 a JSON null, not an object',
      '2 a JSON array, not an object',
      '3 a JSON string, not an object',
      '4 a JSON number, not an object',
      '5 not JSON (Invalid control character at column 15)',
      "6 not JSON (Expecting ',' delimiter at column 17)",
    ]);
    expect(walk.missing.map((m) => `${m.host}/${m.episode}`)).toEqual(['lab-a/ep-01']);
  });
});
