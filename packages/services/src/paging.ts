import { AppError } from '@ptrack/domain';

/** Opaque keyset cursors: the sort values of the last row of the previous page, base64url JSON. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(text: string, arity: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // reported below
  }
  throw AppError.validation([{ field: 'cursor', message: 'is not a cursor of this list' }]);
}

/** Splits the extra row fetched to learn whether another page follows. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
