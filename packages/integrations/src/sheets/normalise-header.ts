import { defined } from '@ptrack/domain';
/**
 * A header reduced to what identifies it: accents removed, lower case, "&" and "+" read as "and", every
 * other non-letter, non-digit dropped. "CLOSED/WON DEALS" → "closedwondeals", "Économie" → "economie".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[&+]/g, 'and')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A custom field key from a header: camelCase ASCII words, starting with a letter, at most 64 characters. */
export function customKeyOf(header: string): string {
  const words = header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : defined(w[0]).toUpperCase() + w.slice(1).toLowerCase())).join('');
  const safe = key === '' ? 'column' : /^[0-9]/.test(key) ? `c${key}` : key;
  return safe.slice(0, 60);
}

/** The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
