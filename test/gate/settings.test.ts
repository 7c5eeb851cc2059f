import { Ajv } from 'ajv';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/shared/errors.js';
import { DEFAULT_GATE_SETTINGS, parseOverride, parseSettingsDoc, resolveSettings } from '../../src/gate/settings.js';

const repo = path.resolve(import.meta.dirname, '../..');
const schemaValid = new Ajv({ strict: true }).compile(
  JSON.parse(readFileSync(path.join(repo, 'schema/settings.schema.json'), 'utf8')) as object,
);
const tmp = mkdtempSync(path.join(tmpdir(), 'gate-settings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const f = path.join(tmp, name);
  writeFileSync(f, text);
  return f;
}

describe('classifier settings', () => {
  it("default to the reference's thresholds and the reader's limits", () => {
    expect(resolveSettings().settings).toEqual({
      procSpreadPct: 5.0,
      netflowSpreadBytes: 51200,
      qmpSpreadBytes: 102400,
      guestSpreadLoad: 0.1,
      clkTck: 100,
      maxMemberBytes: 256 * 1024 * 1024,
      maxEpisodeBytes: 1024 * 1024 * 1024,
    });
  });
  it('hash equal settings equally, however they were given', () => {
    const viaFile = resolveSettings(path.join(repo, 'fixtures/settings.json'));
    expect(viaFile.settings).toEqual(DEFAULT_GATE_SETTINGS);
    expect(viaFile.hash).toBe(resolveSettings().hash);
    expect(resolveSettings(undefined, { clkTck: 100 }).hash).toBe(resolveSettings().hash);
  });
  it('take the file over the defaults and per-run overrides over the file, and the hash changes', () => {
    const f = file('s.json', '{"netflowSpreadBytes": 40960, "clkTck": 250}');
    const r = resolveSettings(f, { clkTck: 1000 });
    expect(r.settings).toMatchObject({ netflowSpreadBytes: 40960, clkTck: 1000, procSpreadPct: 5 });
    expect(r.overrides).toEqual({ clkTck: 1000 });
    expect(r.hash).not.toBe(resolveSettings().hash);
  });
  it('parse --set key=value', () => {
    expect(parseOverride('guestSpreadLoad=0.25')).toEqual({ guestSpreadLoad: 0.25 });
    expect(() => parseOverride('guestSpreadLoad')).toThrow(
      '--set guestSpreadLoad: expected key=value, e.g. --set netflowSpreadBytes=81920 (keys: procSpreadPct',
    );
    expect(() => parseOverride('threshold=3')).toThrow(ConfigError);
    expect(() => parseOverride('threshold=3')).toThrow('--set threshold=3: unknown setting "threshold"; known: procSpreadPct, ');
    // A typo or another case of a key is named.
    expect(() => parseOverride('netflowSpreadbytes=1')).toThrow('unknown setting "netflowSpreadbytes" (did you mean netflowSpreadBytes?)');
    expect(() => parseOverride('netflowSpredBytes=1')).toThrow('(did you mean netflowSpreadBytes?)');
    expect(() => parseOverride('clkTck=1.5')).toThrow('--set clkTck=1.5: clkTck must be a whole number (ticks per second)');
    expect(() => parseOverride('procSpreadPct=')).toThrow('must be a number');
  });
  it.each([
    ['{"netflowSpreadByte": 1}', 'unknown setting "netflowSpreadByte"'],
    ['{"procSpreadPct": -1}', 'procSpreadPct must be >= 0 (percentage points), got -1'],
    ['{"clkTck": 0}', 'clkTck must be > 0'],
    ['{"maxMemberBytes": "1GB"}', 'maxMemberBytes must be a number'],
    ['{"version": 9}', 'version 9 is not supported'],
    ['[]', 'a settings file must be a JSON object'],
  ])('refuse %s with a one-line error that the JSON Schema agrees with', (text, words) => {
    expect(() => parseSettingsDoc(JSON.parse(text), 'gate.settings.json')).toThrow(words);
    expect(schemaValid(JSON.parse(text))).toBe(false);
  });
  it('quote a number past the largest double as Infinity, not as null', () => {
    const doc = JSON.parse('{"maxMemberBytes": 1e400}') as unknown;
    expect(() => parseSettingsDoc(doc, 'gate.settings.json')).toThrow(
      'gate.settings.json: maxMemberBytes must be a number (bytes), got Infinity (a number past the largest double',
    );
    expect(() => parseSettingsDoc(JSON.parse('{"procSpreadPct": -1e400}'), 's.json')).toThrow('got -Infinity (a number past');
  });
  it('accept the committed example, and so does the JSON Schema', () => {
    const doc = JSON.parse(readFileSync(path.join(repo, 'fixtures/settings.json'), 'utf8')) as unknown;
    expect(() => parseSettingsDoc(doc, 'fixtures/settings.json')).not.toThrow();
    expect(schemaValid(doc)).toBe(true);
  });
  it('name a baseline, report or manifest given as the settings file, and where it goes', () => {
    const baseline = readFileSync(path.join(repo, 'fixtures/baseline.json'), 'utf8');
    expect(() => parseSettingsDoc(JSON.parse(baseline), 'ci/baseline.json')).toThrow(
      /^ci\/baseline\.json is a baseline, not a settings file: give it as the baseline it is; a settings file holds/,
    );
    expect(() => parseSettingsDoc({ report_version: 3, episodes: [] }, 'r.json')).toThrow(
      /^r\.json is a report, not a settings file: give it as the report it is/,
    );
    expect(() => parseSettingsDoc({ manifest_version: 1 }, 'm.json')).toThrow(/^m\.json is a release manifest, not a settings file/);
  });
  it('name a missing or broken file', () => {
    expect(() => resolveSettings(path.join(tmp, 'none.json'), {}, 'none.json')).toThrow(
      'cannot read the settings file none.json: ENOENT (no such file); check the --settings path',
    );
    expect(() => resolveSettings(file('bad.json', '{'), {}, 'bad.json')).toThrow(/^bad\.json: not valid JSON/);
  });
});
