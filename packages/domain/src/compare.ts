import { defined } from './defined';

// Orderings shared with the SQL twins. PostgreSQL's `collate "C"` compares UTF-8 bytes, which is
// code-point order; JavaScript's `<` compares UTF-16 units, which differs for characters above U+FFFF.

/** Compares two strings by Unicode code point, as `collate "C"` does: negative, zero or positive. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return (x.done ? 0 : 1) - (y.done ? 0 : 1);
    // An iterator step is one whole code point, never empty.
    const d = defined(x.value.codePointAt(0)) - defined(y.value.codePointAt(0));
    if (d !== 0) return d;
  }
}

/** Compares text ignoring case, as `lower(x) collate "C"` does. */
export function compareTextIgnoringCase(a: string, b: string): number {
  return compareCodePoints(a.toLowerCase(), b.toLowerCase());
}
