import { AppError } from '@ptrack/domain';

/** The record a missing row stands for: NOT_FOUND names it (and the request field that gave its id). */
export type MissingRecord = { entity: string; id: string; field?: string };

/**
 * The single row of a `.returning()` or a select by key. No row is either a record that does not exist
 * (NOT_FOUND, when `missing` names it) or a broken expectation of the code (an internal error saying
 * which), never `undefined` read on as if it were a row.
 */
export async function one<T>(rows: PromiseLike<readonly T[]> | readonly T[], missing: MissingRecord | string): Promise<T> {
  const [row] = await rows;
  if (row !== undefined) return row;
  if (typeof missing === 'string') throw new Error(`Expected one row: ${missing}`);
  throw AppError.notFound(missing.entity, missing.id, missing.field);
}
