import { Ajv } from 'ajv';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_REASONS } from '../../src/classifier/types.js';
import { appendHistoryFile, readHistoryFile } from '../../src/history/file.js';
import { DEFAULT_MAX_ROWS, formatRow, mergeRows, parseHistory, rowFromReport, type HistoryRow } from '../../src/history/format.js';
import { fakeReport, flagged, kept } from '../support/fake-reports.js';

const repo = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(repo, 'schema/history.schema.json'), 'utf8')) as object;
const schemaValid = new Ajv({ strict: true, allErrors: true }).compile(schema);
const tmp = mkdtempSync(path.join(tmpdir(), 'history-format-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A report of 20 hosts with long names, every reason present on every host. */
function wideReport() {
  const eps = [];
  for (let h = 0; h < 20; h++) {
    const host = `lab-cluster-east-${String(h).padStart(2, '0')}-gpu`;
    eps.push(...kept(30, host, `ok${h}`));
    for (const r of ALL_REASONS) eps.push(...flagged(2, [r], host, `${r}-${h}`));
  }
  return fakeReport(eps);
}

const meta = { commit: 'a'.repeat(40), run: '12345678901-3' };

describe('a history row', () => {
  it('stays under 2 KB for 20 hosts and every reason, and matches the schema', () => {
    const row = rowFromReport(wideReport(), meta);
    expect(Object.keys(row.hosts)).toHaveLength(20);
    expect(Object.keys(row.by_reason).sort()).toEqual([...ALL_REASONS].sort());
    const bytes = Buffer.byteLength(formatRow(row));
    expect(bytes).toBeLessThan(2048);
    expect(schemaValid(row), JSON.stringify(schemaValid.errors)).toBe(true);
  });

  it('keeps the counts of the report', () => {
    const report = fakeReport([...kept(5), ...flagged(3, ['flat-cpu'], 'lab-b'), ...flagged(1, ['unreadable'], 'lab-b', 'u')]);
    const row = rowFromReport(report, { commit: null, run: null });
    expect(row).toMatchObject({ scanned: 9, kept: 5, flagged: 4, by_reason: { 'flat-cpu': 3, unreadable: 1 } });
    expect(row.hosts).toEqual({ 'lab-a': [5, 0], 'lab-b': [4, 4] });
    expect(parseHistory(formatRow(row), 'h.jsonl')).toEqual([row]);
  });
});

describe('a history file', () => {
  const row = (i: number): HistoryRow => ({
    ...rowFromReport(fakeReport(kept(2)), { commit: `c${i}`, run: String(i) }),
    time: new Date(Date.UTC(2026, 0, 1) + i * 86400_000).toISOString(),
  });

  it('keeps only the newest rows', () => {
    const file = path.join(tmp, 'bounded.jsonl');
    for (let i = 0; i < 25; i++) appendHistoryFile(file, 'bounded.jsonl', row(i), 10);
    const rows = readHistoryFile(file, 'bounded.jsonl');
    expect(rows.map((r) => r.run)).toEqual(Array.from({ length: 10 }, (_, i) => String(15 + i)));
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(10);
    expect(DEFAULT_MAX_ROWS).toBe(400);
  });

  it('replaces a run written twice and orders rows by time', () => {
    const again = { ...row(1), flagged: 1 };
    expect(mergeRows([row(2), row(1)], [again]).map((r) => [r.run, r.flagged])).toEqual([
      ['1', 1],
      ['2', 0],
    ]);
  });

  it('counts a re-run attempt as its run: the later attempt replaces the row, an id of letters stays its own', () => {
    const attempt = (i: number, n: number): HistoryRow => ({
      ...row(i),
      run: `${i}-${n}`,
      time: new Date(Date.parse(row(i).time) + n).toISOString(),
    });
    expect(mergeRows([row(1), row(2)], [attempt(2, 2)]).map((r) => r.run)).toEqual(['1', '2-2']);
    expect(mergeRows([row(1), attempt(1, 2)], [attempt(1, 3)]).map((r) => r.run)).toEqual(['1-3']);
    // A file an older version doubled is mended when it is next written.
    expect(mergeRows([row(1), attempt(1, 2), row(3)], []).map((r) => r.run)).toEqual(['1-2', '3']);
    // Ids given with --run-id that merely end in a number are different runs.
    const named = (id: string, day: number): HistoryRow => ({ ...row(day), run: id });
    expect(mergeRows([named('night-3', 3)], [named('night-4', 4)]).map((r) => r.run)).toEqual(['night-3', 'night-4']);
  });

  it('names the file and line of a bad row, and the fix', () => {
    const file = path.join(tmp, 'bad.jsonl');
    writeFileSync(file, `${formatRow(row(1))}{"v":1}\n`);
    expect(() => readHistoryFile(file, 'bad.jsonl')).toThrow(/^bad\.jsonl line 2: "time" must be .*; fix or delete that line$/);
    writeFileSync(file, 'not json\n');
    expect(() => readHistoryFile(file, 'bad.jsonl')).toThrow(/bad\.jsonl line 1 is not JSON/);
    writeFileSync(file, `${JSON.stringify({ ...row(1), v: 2 })}\n`);
    expect(() => readHistoryFile(file, 'bad.jsonl')).toThrow(/history version 2 is not supported/);
    writeFileSync(file, `${JSON.stringify({ ...row(1), gate: 'green' })}\n`);
    expect(() => readHistoryFile(file, 'bad.jsonl')).toThrow(
      /^bad\.jsonl line 1: "gate" must be "passed" or "failed"; fix or delete that line$/,
    );
    writeFileSync(file, `${JSON.stringify({ ...row(1), gate: 'failed' })}\n`);
    expect(readHistoryFile(file, 'bad.jsonl')[0]!.gate).toBe('failed');
  });

  it('is empty when the file does not exist yet', () => {
    expect(readHistoryFile(path.join(tmp, 'none.jsonl'), 'none.jsonl')).toEqual([]);
  });
});
