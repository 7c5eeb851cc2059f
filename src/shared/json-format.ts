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

function fmt(v: Json, indent: number, lead: number, trailing: number): string {
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
        return pad + key + fmt(x, indent + 2, indent + 2 + key.length, i < items.length - 1 ? 1 : 0);
      })
      .join(',\n') +
    '\n' +
    end +
    '}'
  );
}

export function formatJson(v: unknown): string {
  return fmt(v as Json, 0, 0, 0) + '\n';
}
