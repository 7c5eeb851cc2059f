/**
 * Building GitHub-flavoured markdown from untrusted values under a byte budget.
 *
 * Every value that comes from data (host and episode ids, sample names, member names, error
 * details) goes through `esc`: HTML-significant characters and the table pipe become character
 * references, markdown punctuation is backslash-escaped, "scheme://" and "www." cannot start an
 * autolink, and line breaks, control characters and bidirectional overrides become spaces. So a
 * hostile name can neither inject HTML nor break a table row or a list item, and ordinary
 * values stay readable in a terminal.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '|': '&#124;' };
// Line breaks, other control characters, and bidirectional overrides that could disguise text.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
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
  return out.replace(/:\/\//g, '&#58;//').replace(/(w)(w)(w)\./gi, '$1$2$3&#46;');
}

/** A value inside raw HTML (e.g. a <summary> line): only HTML needs escaping there. */
export function escHtml(value: string, maxChars = 200): string {
  let s = value.replace(INVISIBLE, ' ');
  const chars = Array.from(s);
  if (chars.length > maxChars) s = chars.slice(0, maxChars - 1).join('') + '…';
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function byteLength(s: string): number {
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

export interface TableOptions {
  /** Fold into <details> with this (already escaped) summary line. */
  fold?: string | null;
  /** At most this many rows; the rest are counted in a note. */
  maxRows: number;
  /** The note for rows left out, given how many; already escaped. */
  more: (n: number) => string;
}

/** A table whose cells are already escaped; rows are added while the budget allows. */
export function addTable(md: BudgetedMarkdown, header: string[], align: string[], rows: string[][], opts: TableOptions): void {
  if (rows.length === 0) return;
  const open = (opts.fold ? `<details><summary>${opts.fold}</summary>\n\n` : '') + `| ${header.join(' | ')} |\n|${align.join('|')}|\n`;
  const close = opts.fold ? '\n</details>\n\n' : '\n';
  const noteRoom = byteLength(opts.more(rows.length)) + 8;
  if (byteLength(open) + byteLength(close) + noteRoom > md.room()) {
    md.truncated = true;
    md.add(`${opts.more(rows.length)}\n\n`);
    return;
  }
  md.add(open);
  let shown = 0;
  for (const r of rows) {
    if (shown >= opts.maxRows) break;
    const line = `| ${r.join(' | ')} |\n`;
    if (byteLength(line) + byteLength(close) + noteRoom > md.room()) {
      md.truncated = true;
      break;
    }
    md.add(line);
    shown++;
  }
  if (shown < rows.length) md.add(`\n${opts.more(rows.length - shown)}\n`);
  md.add(close);
}

/** A bullet list of already escaped items, cut like a table. */
export function addList(md: BudgetedMarkdown, items: string[], opts: TableOptions): void {
  if (items.length === 0) return;
  const open = opts.fold ? `<details><summary>${opts.fold}</summary>\n\n` : '';
  const close = opts.fold ? '\n</details>\n\n' : '\n';
  const noteRoom = byteLength(opts.more(items.length)) + 8;
  if (byteLength(open) + byteLength(close) + noteRoom > md.room()) {
    md.truncated = true;
    md.add(`${opts.more(items.length)}\n\n`);
    return;
  }
  md.add(open);
  let shown = 0;
  for (const it of items) {
    if (shown >= opts.maxRows) break;
    const line = `- ${it}\n`;
    if (byteLength(line) + byteLength(close) + noteRoom > md.room()) {
      md.truncated = true;
      break;
    }
    md.add(line);
    shown++;
  }
  if (shown < items.length) md.add(`- ${opts.more(items.length - shown)}\n`);
  md.add(close);
}
