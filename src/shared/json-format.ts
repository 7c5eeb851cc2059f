/**
 * JSON laid out the way Prettier lays out a .json file (objects one key per line, arrays of
 * plain values on one line when they fit), so committed baselines pass `prettier --check` as
 * written and their diffs show one changed line per changed episode.
 */
const WIDTH = 140;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json | undefined };

function isPlain(v: Json): v is null | boolean | number | string {
  return v === null || typeof v !== 'object';
}

function isFlat(v: Json): boolean {
  return isPlain(v) || (Array.isArray(v) && v.every(isPlain));
}

/** `{ "a": 1, "b": [2] }` as Prettier prints an object written on one line, or null when it cannot be. */
function inlineObject(v: Json, lead: number, trailing: number): string | null {
  if (isPlain(v) || Array.isArray(v)) return null;
  const items = Object.entries(v).filter((e): e is [string, Json] => e[1] !== undefined);
  if (items.length === 0 || !items.every(([, x]) => isFlat(x))) return null;
  const text = '{ ' + items.map(([k, x]) => `${JSON.stringify(k)}: ${fmt(x, 0, 0, 0)}`).join(', ') + ' }';
  return lead + text.length + trailing <= WIDTH ? text : null;
}

function fmt(v: Json, indent: number, lead: number, trailing: number, inlineChildren = false): string {
  if (isPlain(v)) return JSON.stringify(v);
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every(isPlain)) {
      const inline = '[' + v.map((x) => JSON.stringify(x)).join(', ') + ']';
      if (lead + inline.length + trailing <= WIDTH) return inline;
    }
    return '[\n' + v.map((x, i) => pad + fmt(x, indent + 2, indent + 2, i < v.length - 1 ? 1 : 0)).join(',\n') + '\n' + end + ']';
  }
  const items = Object.entries(v as { [k: string]: Json | undefined }).filter((e): e is [string, Json] => e[1] !== undefined);
  if (items.length === 0) return '{}';
  return (
    '{\n' +
    items
      .map(([k, x], i) => {
        const key = JSON.stringify(k) + ': ';
        const lead = indent + 2 + key.length;
        const trail = i < items.length - 1 ? 1 : 0;
        const inline = inlineChildren ? inlineObject(x, lead, trail) : null;
        return pad + key + (inline ?? fmt(x, indent + 2, lead, trail, indent === 0 && inlineKeys.has(k)));
      })
      .join(',\n') +
    '\n' +
    end +
    '}'
  );
}

let inlineKeys: ReadonlySet<string> = new Set();

/** `inlineObjectsOf`: top-level keys whose member objects are written one per line when they fit. */
export function formatJson(v: unknown, inlineObjectsOf: readonly string[] = []): string {
  inlineKeys = new Set(inlineObjectsOf);
  try {
    return fmt(v as Json, 0, 0, 0) + '\n';
  } finally {
    inlineKeys = new Set();
  }
}
