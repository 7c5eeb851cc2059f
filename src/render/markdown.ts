/**
 * Building GitHub-flavoured markdown from untrusted values under a byte budget.
 *
 * Every value that comes from data (host and episode ids, sample names, member names, error
 * details) goes through `esc`: HTML-significant characters and the table pipe become character
 * references, markdown punctuation is backslash-escaped, "scheme://" and "www." cannot start an
 * autolink, "@" cannot start a mention, and line breaks, control characters and bidirectional
 * overrides become spaces. So a hostile name can neither inject HTML, notify anyone, nor break a
 * table row or a list item, and ordinary values stay readable in a terminal.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '|': '&#124;' };
// Line breaks, other control characters, and bidirectional marks and overrides that could disguise text.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** "@name" would notify a GitHub user or team: a zero-width joiner after the @ keeps it text. */
const MENTION = /@/g;
const NO_MENTION = '@\u200d';
const ALNUM = /[\p{L}\p{N}]/u;

/** A value from data, safe anywhere in a markdown line or table cell; long values are cut. */
export function esc(value: string, maxChars = 200): string {
  let s = value.replace(INVISIBLE, ' ');
  const chars = Array.from(s);
  if (chars.length > maxChars) s = chars.slice(0, maxChars - 1).join('') + '…';
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const ent = ENTITIES[c];
    if (ent) out += ent;
    else if (c === '_') {
      // An underscore inside a word never starts emphasis; elsewhere it could.
      const intraword = i > 0 && i < s.length - 1 && ALNUM.test(s[i - 1]!) && ALNUM.test(s[i + 1]!);
      out += intraword ? c : '\\_';
    } else if ('\\`*[]~$#'.includes(c)) out += '\\' + c;
    else out += c;
  }
  return out
    .replace(/:\/\//g, '&#58;//')
    .replace(/(w)(w)(w)\./gi, '$1$2$3&#46;')
    .replace(MENTION, NO_MENTION);
}

/** A value inside raw HTML (e.g. a <summary> line): only HTML needs escaping there. */
export function escHtml(value: string, maxChars = 200): string {
  let s = value.replace(INVISIBLE, ' ');
  const chars = Array.from(s);
  if (chars.length > maxChars) s = chars.slice(0, maxChars - 1).join('') + '…';
  return s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
    .replace(MENTION, NO_MENTION);
}

/**
 * A value for a plain-text channel (a log line, an annotation): one line, without control
 * characters or bidirectional overrides, so it can neither start a line of its own (a workflow
 * command) nor disguise what it says.
 */
export function plain(value: string): string {
  return value.replace(INVISIBLE, ' ').replace(/ {2,}/g, ' ').trim();
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Markdown text that is cut, section by section, to stay under a byte limit. */
export class BudgetedMarkdown {
  private readonly parts: string[] = [];
  private used = 0;
  /** Rows or sections that did not fit. */
  truncated = false;

  /** `reserve`: bytes kept back for the closing note. */
  constructor(
    readonly limit: number,
    private readonly reserve: number,
  ) {}

  room(): number {
    return this.limit - this.reserve - this.used;
  }

  /** Add text if it fits; false (and marked truncated) when it does not. */
  add(text: string): boolean {
    const n = byteLength(text);
    if (n > this.room()) {
      this.truncated = true;
      return false;
    }
    this.parts.push(text);
    this.used += n;
    return true;
  }

  /** Add text from the reserve (the closing note); it must still respect the limit. */
  addReserved(text: string): void {
    if (this.used + byteLength(text) <= this.limit) {
      this.parts.push(text);
      this.used += byteLength(text);
    }
  }

  toString(): string {
    return this.parts.join('');
  }
}

export interface ListOptions {
  /** Fold into <details> with this (already escaped) summary line. */
  fold?: string | null;
  /** At most this many rows; the rest are counted in a note. */
  maxRows: number;
  /** The note for rows left out, given how many; already escaped. */
  more: (n: number) => string;
  /** At most this fraction of the room left may go to this list, so later sections still fit (default 0.5). */
  share?: number;
}

/** Lines between an opening and a closing, as many as the row cap and the budget allow. */
function addBlock(
  md: BudgetedMarkdown,
  open: string,
  lines: string[],
  close: string,
  moreLine: (n: number) => string,
  opts: ListOptions,
): void {
  if (lines.length === 0) return;
  const noteRoom = byteLength(moreLine(lines.length));
  const fixed = byteLength(open) + byteLength(close) + noteRoom;
  if (fixed > md.room()) {
    md.truncated = true;
    md.add(`${opts.more(lines.length)}\n\n`);
    return;
  }
  const budget = Math.max(fixed, Math.floor(md.room() * (opts.share ?? 0.5)));
  md.add(open);
  let used = fixed;
  let shown = 0;
  for (const line of lines) {
    if (shown >= opts.maxRows) break;
    const n = byteLength(line);
    if (used + n > budget || n + byteLength(close) + noteRoom > md.room()) {
      md.truncated = true;
      break;
    }
    md.add(line);
    used += n;
    shown++;
  }
  if (shown < lines.length) md.add(moreLine(lines.length - shown));
  md.add(close);
}

/** A table whose cells are already escaped; rows are added while the budget allows. */
export function addTable(md: BudgetedMarkdown, header: string[], align: string[], rows: string[][], opts: ListOptions): void {
  const open = (opts.fold ? `<details><summary>${opts.fold}</summary>\n\n` : '') + `| ${header.join(' | ')} |\n|${align.join('|')}|\n`;
  const close = opts.fold ? '\n</details>\n\n' : '\n';
  addBlock(
    md,
    open,
    rows.map((r) => `| ${r.join(' | ')} |\n`),
    close,
    (n) => `\n${opts.more(n)}\n`,
    opts,
  );
}

/** A bullet list of already escaped items, cut like a table. */
export function addList(md: BudgetedMarkdown, items: string[], opts: ListOptions): void {
  const open = opts.fold ? `<details><summary>${opts.fold}</summary>\n\n` : '';
  const close = opts.fold ? '\n</details>\n\n' : '\n';
  addBlock(
    md,
    open,
    items.map((it) => `- ${it}\n`),
    close,
    (n) => `- ${opts.more(n)}\n`,
    opts,
  );
}
