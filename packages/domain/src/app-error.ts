/**
 * The one error type of the application (docs/ARCHITECTURE.md). Services and storage throw it with a code;
 * only the server's error handler maps codes to HTTP status and problem+json, and only the CLI maps them
 * to a line and an exit code.
 */
export type AppErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'DUPLICATE'
  | 'CONFLICTING_STATE'
  | 'DATA_DIR_LOCKED'
  | 'STORAGE_UNAVAILABLE'
  | 'NOT_ALLOWED'
  // A request to an outside service (HubSpot) failed after its retries; a webhook whose signature does not verify.
  | 'UPSTREAM_FAILED'
  | 'UNAUTHENTICATED'
  // The key that encrypts stored secrets is missing or is not the one they were written with.
  | 'SECRET_KEY_UNAVAILABLE'
  // Too many attempts (sign-in lockout): details.retryAfterSeconds says when to try again.
  | 'RATE_LIMITED';

/** One problem with one field of the input: `field` is a dotted path such as `reps.0.email`. */
export type FieldIssue = { field: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** Field-level issues carried by VALIDATION_FAILED and DUPLICATE errors. */
  get issues(): FieldIssue[] {
    const issues = this.details.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }

  static validation(issues: FieldIssue[], message?: string): AppError {
    const first = issues[0];
    return new AppError('VALIDATION_FAILED', message ?? (first ? `${first.field}: ${first.message}` : 'Invalid input'), {
      issues,
    });
  }

  static notFound(entity: string, id: string, field?: string): AppError {
    return new AppError('NOT_FOUND', `No ${entity} with id ${id}`, {
      entity,
      id,
      ...(field ? { issues: [{ field, message: `no ${entity} with id ${id}` }] } : {}),
    });
  }
}
