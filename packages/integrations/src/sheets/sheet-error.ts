/** What went wrong with a sheet as a whole (row-level problems are reported, not thrown). */
export type SheetErrorCode =
  | 'UNREADABLE_FILE'
  | 'UNSUPPORTED_FORMAT'
  | 'SHEET_NOT_FOUND'
  | 'EMPTY_SHEET'
  | 'INVALID_MAPPING'
  | 'TOO_LARGE';

/**
 * The sheets adapter's one error type, with a code and a message a person can act on. Services map it
 * to AppError('VALIDATION_FAILED') at their edge (docs/ARCHITECTURE.md: one error type per area, with codes).
 */
export class SheetError extends Error {
  readonly code: SheetErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: SheetErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'SheetError';
    this.code = code;
    this.details = details;
  }
}
