/**
 * Checks every string of a request (values and object keys) before its schema sees it, so one rule
 * covers every route: a NUL character cannot be stored by PostgreSQL (it fails the whole request), and
 * a lone UTF-16 surrogate is not text at all (it would be stored silently as U+FFFD).
 */

export type HygieneIssue = { path: (string | number)[]; message: string };

const NUL_MESSAGE = 'must not contain a NUL character';
const SURROGATE_MESSAGE = 'must be valid Unicode text (it has a lone surrogate)';

// Far deeper than any request of this API; a deeper one is refused rather than walked.
const MAX_DEPTH = 64;

// Without the u flag a regex sees UTF-16 code units: a high surrogate not followed by a low one, or a
// low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | null {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return SURROGATE_MESSAGE;
  return null;
}

/** Every string in `value` that cannot be stored as text, by its path (at most `limit` of them). */
export function inputHygieneIssues(value: unknown, limit = 20): HygieneIssue[] {
  const issues: HygieneIssue[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (issues.length >= limit) return;
    if (typeof node === 'string') {
      const message = problemOf(node);
      if (message) issues.push({ path, message });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (path.length >= MAX_DEPTH) {
      issues.push({ path, message: `is nested more than ${MAX_DEPTH} levels deep` });
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) walk(node[i], [...path, i]);
      return;
    }
    if (ArrayBuffer.isView(node)) return;
    for (const [key, item] of Object.entries(node)) {
      const message = problemOf(key);
      if (message) issues.push({ path: [...path, key], message: `(the field's name) ${message}` });
      else walk(item, [...path, key]);
    }
  };
  walk(value, []);
  return issues;
}
