/** What every value parser returns: the value, or the plain reason it could not be read (never a guess). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A cell as a sheet reader yields it. */
export type SheetCell = string | number | boolean | Date | null;

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): Parsed<T> => ({ ok: false, reason });

const DANGEROUS_AFTER_QUOTE = /^''*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The text of a cell as a person typed it, trimmed; '' for blank. Undoes our own export's OWASP
 * neutralisation ("'=x" → "=x") so an export re-imports unchanged.
 */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') {
    const t = cell.trim();
    return DANGEROUS_AFTER_QUOTE.test(t) ? t.slice(1).trim() : t;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
}

/** True for a cell with nothing in it (null, or only spaces). */
export function isBlankCell(cell: SheetCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
