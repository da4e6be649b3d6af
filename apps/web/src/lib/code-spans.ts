/** A piece of help text: plain words, or code (a command, a path) to show in a code font. */
export type TextSpan = { code: boolean; text: string };

/**
 * Splits text on its backticks: `ptrack restore` is code, the rest is words. Server texts (a job's
 * description) mark code this way; a screen shows it as code, never as literal backticks (issue 14). An
 * unpaired backtick is dropped and what follows it stays plain.
 */
export function codeSpans(text: string): TextSpan[] {
  const parts = text.split('`');
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  return parts.map((part, i) => ({ code: i % 2 === 1 && i < closed, text: part })).filter((span) => span.text !== '');
}
