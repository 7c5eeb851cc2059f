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
