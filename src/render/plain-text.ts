/**
 * Data inside the CLIs' plain-text lines. The Actions runner reads a line of a step's output as
 * a workflow command when, after leading whitespace (so indenting does not help), it starts with
 * "::", and anywhere it holds the legacy "##[" marker. Data must therefore never bring a line
 * break, nor begin a line with "::", nor carry "##[" through.
 */

const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]/g;

function escapeBreak(c: string): string {
  if (c === '\r') return '\\r';
  if (c === '\n') return '\\n';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Data placed inside one line: line breaks shown as escapes, the legacy command marker broken. */
export function inLine(data: string): string {
  return data.replace(LINE_BREAKS, escapeBreak).replaceAll('##[', '#\\u0023[');
}

/** Whitespace as the runner trims it before looking for "::" (.NET Char.IsWhiteSpace). */
const LEADING_SPACE = /^[\s\p{Z}\u0085\u001c-\u001f]*/u;

/**
 * A data value that begins a line: printed as it is when the line cannot be read as a workflow
 * command, otherwise as a JSON string (a line then starts with a quote).
 */
export function atLineStart(data: string): string {
  const safe = inLine(data);
  if (safe === data && !data.replace(LEADING_SPACE, '').startsWith('::')) return data;
  return JSON.stringify(data).replaceAll('##[', '#\\u0023[').replace(LINE_BREAKS, escapeBreak);
}
