/**
 * Classifier settings for a gate run: the thresholds, CLK_TCK and the reader's size limits. The
 * defaults are the reference's; a committed settings file and per-run overrides can change
 * them. The effective settings and their hash go into every report, so a change of settings is
 * visible next to the verdicts it changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_CLASSIFIER_SETTINGS, type ClassifierSettings } from '../classifier/types.js';
import { DEFAULT_LIMITS, type ReaderLimits } from '../episode/read.js';
import { ConfigError, fsErrorWithFix } from '../shared/errors.js';
import { closest, showValue } from '../shared/text.js';

export type GateSettings = ClassifierSettings & ReaderLimits;
type SettingKey = keyof GateSettings;

const SETTINGS_FILE_VERSION = 1;

export const DEFAULT_GATE_SETTINGS: Readonly<GateSettings> = Object.freeze({ ...DEFAULT_CLASSIFIER_SETTINGS, ...DEFAULT_LIMITS });

interface SettingSpec {
  key: SettingKey;
  integer: boolean;
  /** Smallest allowed value; `positive` excludes it. */
  min: number;
  positive: boolean;
  unit: string;
}

/** Every setting, in the canonical order (the order of the hash and of reports). */
const SETTING_SPECS: readonly SettingSpec[] = [
  { key: 'procSpreadPct', integer: false, min: 0, positive: false, unit: 'percentage points' },
  { key: 'netflowSpreadBytes', integer: false, min: 0, positive: false, unit: 'bytes' },
  { key: 'qmpSpreadBytes', integer: false, min: 0, positive: false, unit: 'bytes' },
  { key: 'guestSpreadLoad', integer: false, min: 0, positive: false, unit: 'load' },
  { key: 'clkTck', integer: true, min: 0, positive: true, unit: 'ticks per second' },
  { key: 'maxMemberBytes', integer: true, min: 0, positive: true, unit: 'bytes' },
  { key: 'maxEpisodeBytes', integer: true, min: 0, positive: true, unit: 'bytes' },
];
const SPEC_BY_KEY = new Map(SETTING_SPECS.map((s) => [s.key as string, s]));
const SETTING_KEYS: readonly string[] = SETTING_SPECS.map((s) => s.key);
const KEY_LIST = SETTING_KEYS.join(', ');

function isSettingKey(k: string): k is SettingKey {
  return SPEC_BY_KEY.has(k);
}

/** Why a value is not allowed for a setting, or null when it is. */
function badValue(key: SettingKey, v: unknown): string | null {
  const spec = SPEC_BY_KEY.get(key)!;
  if (typeof v !== 'number' || !Number.isFinite(v)) return `must be a number (${spec.unit})`;
  if (spec.integer && !Number.isSafeInteger(v)) return `must be a whole number (${spec.unit})`;
  if (spec.positive ? v <= spec.min : v < spec.min) return `must be ${spec.positive ? '>' : '>='} ${spec.min} (${spec.unit})`;
  return null;
}

/** What a document given as settings is instead, by the fields only that kind has (null: none of them). */
function otherKind(doc: Record<string, unknown>): string | null {
  if (doc.manifest_version !== undefined) return 'a release manifest';
  if (doc.report_version !== undefined || (Array.isArray(doc.episodes) && 'tool' in doc && 'dataset' in doc)) return 'a report';
  if ('cases' in doc || 'counts' in doc || 'tolerance' in doc) return 'a baseline';
  return null;
}

/** A settings document (already JSON-parsed) -> the settings it sets. */
export function parseSettingsDoc(doc: unknown, file: string): Partial<GateSettings> {
  const fix = `fix ${file} (see schema/settings.schema.json)`;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ConfigError(`${file}: a settings file must be a JSON object; ${fix}`);
  }
  const other = otherKind(doc as Record<string, unknown>);
  if (other)
    throw new ConfigError(
      `${file} is ${other}, not a settings file: give it as the ${other === 'a baseline' ? 'baseline' : other === 'a report' ? 'report' : 'manifest'} it is; a settings file holds the classifier's thresholds (schema/settings.schema.json)`,
    );
  const out: Partial<GateSettings> = {};
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    if (k === '$schema') continue;
    if (k === 'version') {
      if (v !== SETTINGS_FILE_VERSION)
        throw new ConfigError(`${file}: version ${showValue(v)} is not supported (expected ${SETTINGS_FILE_VERSION}); ${fix}`);
      continue;
    }
    if (!isSettingKey(k)) throw new ConfigError(`${file}: unknown setting "${k}" (known: ${KEY_LIST}); ${fix}`);
    const bad = badValue(k, v);
    if (bad) throw new ConfigError(`${file}: ${k} ${bad}, got ${showValue(v)}; ${fix}`);
    out[k] = v as number;
  }
  return out;
}

function loadSettingsFile(file: string, displayName = file): Partial<GateSettings> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read the settings file ${displayName}: ${fsErrorWithFix(e, 'check the --settings path')}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${displayName}: not valid JSON (${(e as Error).message}); fix the settings file`);
  }
  return parseSettingsDoc(doc, displayName);
}

/** `key=value` from the command line -> one override. */
export function parseOverride(text: string): Partial<GateSettings> {
  const eq = text.indexOf('=');
  const key = eq === -1 ? text : text.slice(0, eq);
  if (eq === -1) throw new ConfigError(`--set ${text}: expected key=value, e.g. --set netflowSpreadBytes=81920 (keys: ${KEY_LIST})`);
  if (!isSettingKey(key)) {
    const near = SETTING_KEYS.find((k) => k.toLowerCase() === key.toLowerCase()) ?? closest(key, SETTING_KEYS);
    throw new ConfigError(`--set ${text}: unknown setting "${key}"${near ? ` (did you mean ${near}?)` : ''}; known: ${KEY_LIST}`);
  }
  const raw = text.slice(eq + 1).trim();
  const v = raw === '' ? NaN : Number(raw);
  const bad = badValue(key, v);
  if (bad) throw new ConfigError(`--set ${text}: ${key} ${bad}`);
  return { [key]: v };
}

function validateOverrides(o: Partial<GateSettings>, where: string): Partial<GateSettings> {
  const out: Partial<GateSettings> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (!isSettingKey(k)) throw new ConfigError(`${where}: unknown setting "${k}" (known: ${KEY_LIST})`);
    const bad = badValue(k, v);
    if (bad) throw new ConfigError(`${where}: ${k} ${bad}, got ${showValue(v)}`);
    out[k] = v;
  }
  return out;
}

export interface ResolvedSettings {
  settings: GateSettings;
  hash: string;
  /** The settings file used, as given (null: none). */
  file: string | null;
  /** The keys set per run, over the file. */
  overrides: Partial<GateSettings>;
}

/** Defaults, then the file, then per-run overrides. */
export function resolveSettings(file?: string, overrides: Partial<GateSettings> = {}, displayName?: string): ResolvedSettings {
  const fromFile = file ? loadSettingsFile(file, displayName ?? file) : {};
  const checked = validateOverrides(overrides, 'settings override');
  const settings = canonicalSettings({ ...DEFAULT_GATE_SETTINGS, ...fromFile, ...checked });
  return { settings, hash: settingsHash(settings), file: file ? (displayName ?? file) : null, overrides: checked };
}

/** The settings with their keys in canonical order. */
function canonicalSettings(s: GateSettings): GateSettings {
  const out = {} as Record<SettingKey, number>;
  for (const spec of SETTING_SPECS) out[spec.key] = s[spec.key];
  return out as GateSettings;
}

/** sha256 over the canonical JSON of the settings: equal settings, equal hash. */
export function settingsHash(s: GateSettings): string {
  return (
    'sha256:' +
    createHash('sha256')
      .update(JSON.stringify(canonicalSettings(s)))
      .digest('hex')
  );
}

export interface SettingChange {
  key: string;
  before: number | null;
  after: number | null;
}

export function diffSettings(before: Partial<Record<string, number>>, after: Partial<Record<string, number>>): SettingChange[] {
  const keys = [...new Set([...SETTING_SPECS.map((s) => s.key as string), ...Object.keys(before), ...Object.keys(after)])];
  const out: SettingChange[] = [];
  for (const key of keys) {
    const b = before[key] ?? null;
    const a = after[key] ?? null;
    if (b !== a) out.push({ key, before: b, after: a });
  }
  return out;
}
