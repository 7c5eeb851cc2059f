import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/gate/compare.js';
import { datasetFingerprint, readReport, writeReport, type Report } from '../../src/gate/report.js';
import { baselineFromReport } from '../../src/gate/baseline.js';
import { DEFAULT_GATE_SETTINGS } from '../../src/gate/settings.js';
import { fakeReport, flagged, kept } from '../support/fake-reports.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'gate-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the dataset fingerprint', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const eps = [
    { host: 'a', episode: 'x', sizeBytes: 10 },
    { host: 'b', episode: 'y', sizeBytes: 20 },
  ];
  it('is equal for the same index and tarball sizes', () => {
    expect(datasetFingerprint(enc('i\n'), eps)).toBe(
      datasetFingerprint(
        enc('i\n'),
        eps.map((e) => ({ ...e })),
      ),
    );
  });
  it('changes with a byte of the index, a tarball size, or the set of tarballs', () => {
    const base = datasetFingerprint(enc('i\n'), eps);
    expect(datasetFingerprint(enc('i \n'), eps)).not.toBe(base);
    expect(datasetFingerprint(enc('i\n'), [eps[0]!, { ...eps[1]!, sizeBytes: 21 }])).not.toBe(base);
    expect(datasetFingerprint(enc('i\n'), [eps[0]!])).not.toBe(base);
  });
});

describe('data or settings changed since the baseline', () => {
  const report = fakeReport([...kept(3), ...flagged(1)]);
  const baseline = baselineFromReport(report, null).baseline;
  it('says neither changed for the report the baseline was made from', () => {
    const c = compare(report, baseline, 'b.json');
    expect(c.datasetChanged).toBe(false);
    expect(c.settingsChanges).toEqual([]);
  });
  it('names each setting that changed, and a changed fingerprint', () => {
    const other = fakeReport([...kept(3), ...flagged(1)]);
    other.settings = { ...DEFAULT_GATE_SETTINGS, guestSpreadLoad: 0.2 };
    other.dataset.fingerprint = 'sha256:other';
    const c = compare(other, baseline, 'b.json');
    expect(c.settingsChanges).toEqual([{ key: 'guestSpreadLoad', before: 0.1, after: 0.2 }]);
    expect(c.datasetChanged).toBe(true);
  });
});

describe('report files', () => {
  it('read back exactly as written, one line per episode', () => {
    const report = fakeReport([...kept(3), ...flagged(2)]);
    const f = path.join(tmp, 'r.json');
    writeReport(f, report);
    expect(readReport(f)).toEqual(report);
  });
  it('keep no per-phase values or member names', () => {
    const report = fakeReport(kept(1));
    expect(Object.keys(report.episodes[0]!.evidence!.sources!.proc).sort()).toEqual(['spread', 'status', 'threshold', 'why']);
  });
  it('refuse totals that contradict their own episodes: an edited report is not gated on numbers no scan produced', () => {
    const report = fakeReport([...kept(3), ...flagged(2)]);
    const tampered = (name: string, edit: (r: Report) => void): (() => Report) => {
      const r = structuredClone(report);
      edit(r);
      const f = path.join(tmp, name);
      writeReport(f, r);
      return () => readReport(f, name);
    };
    const tail = '; the report was edited or damaged, and its totals cannot be trusted: write it again with episode-gate scan --report';
    expect(
      tampered('kept.json', (r) => {
        r.counts.kept = 5;
        r.counts.flagged = 0;
      }),
    ).toThrow('kept.json: counts.kept is 5, but its 5 episodes hold 3 kept' + tail);
    expect(tampered('reason.json', (r) => (r.by_reason['flat-cpu'] = 0))).toThrow(
      /^reason\.json: by_reason\["flat-cpu"\] is 0, but 2 episodes carry that reason; the report was edited/,
    );
    expect(tampered('host.json', (r) => (r.hosts['lab-a']!.flagged = 0))).toThrow(
      /^host\.json: hosts\["lab-a"\]\.flagged is 0, but its episodes hold 2;/,
    );
    expect(tampered('extra-host.json', (r) => (r.hosts['lab-z'] = { scanned: 0, kept: 0, flagged: 0 }))).toThrow(
      /^extra-host\.json: hosts\["lab-z"\] is listed, but no episode is on that host;/,
    );
    expect(
      tampered('verdict.json', (r) => {
        r.episodes[3]!.verdict = 'kept';
      }),
    ).toThrow(/^verdict\.json: episodes\[3\] \(lab-a\/\S+\) is kept with reasons flat-cpu, which no scan writes/);
  });
  it('refuse a report that lists no episode: there is nothing to gate or keep', () => {
    const r = structuredClone(fakeReport(kept(1)));
    r.episodes = [];
    r.counts = { scanned: 0, kept: 0, flagged: 0 };
    r.hosts = {};
    const f = path.join(tmp, 'empty.json');
    writeReport(f, r);
    expect(() => readReport(f, 'empty.json')).toThrow(/^empty\.json lists no episode, so there is nothing to gate or keep as a baseline/);
  });
  it('refuse a report of another version with a one-line error', () => {
    const f = path.join(tmp, 'r2.json');
    writeReport(f, { ...fakeReport(kept(1)), report_version: 2 as 1 });
    expect(() => readReport(f, 'r2.json')).toThrow(
      'r2.json: report_version 2 is not supported (expected 1); write it again with episode-gate scan --report',
    );
  });
});
