/** Small text helpers every layer uses for messages. */

/** "1 episode", "2 episodes" (or the given plural). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A message on one line: line breaks (and the spaces around them) become one space; longer than maxChars is cut with "...". */
export function oneLine(s: string, maxChars = Infinity): string {
  const flat = s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return flat.length > maxChars ? flat.slice(0, maxChars - 3) + '...' : flat;
}

/** Shell-quoted, so a printed command can be pasted as it is. */
export function shellQuote(v: string): string {
  return /^[\w./:=@,+-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

/** Levenshtein distance, for did-you-mean on a handful of short names. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known word closest to `given`, when it is close enough to be a typo of it. */
export function closest(given: string, known: readonly string[]): string | null {
  // Differing only in case ("LAB-A" for "lab-a") is the likeliest slip, however far apart the letters are.
  const folded = known.find((k) => k.toLowerCase() === given.toLowerCase());
  if (folded !== undefined) return folded;
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(given, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/**
 * A value read from a JSON document as a message quotes it. JSON.stringify would write Infinity
 * (what JSON.parse makes of a number past the largest double, such as 1e400) and NaN as null, and
 * a missing value as "undefined".
 */
export function showValue(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (typeof v === 'number' && !Number.isFinite(v)) {
    return Number.isNaN(v) ? 'NaN' : `${v} (a number past the largest double, about 1.8e308, as the file wrote it)`;
  }
  return JSON.stringify(v) ?? String(v);
}
