/**
 * How the CLI fails (docs/ARCHITECTURE.md: the CLI maps errors to one line and an exit code). Every
 * failure becomes a CliError; main.ts prints `ptrack: <message>` and exits with its code.
 */
export const EXIT = {
  OK: 0,
  /** The input was refused (validation, conflict, not allowed) or something else went wrong. */
  FAILED: 1,
  /** Bad command line: unknown option, missing argument, wrong option value. */
  USAGE: 2,
  /** The partner, rep or action named does not exist. */
  NOT_FOUND: 3,
  /** The storage cannot be used: the data directory is held by another process, or the database or server is unreachable. */
  UNAVAILABLE: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.FAILED,
  ) {
    super(message);
  }
}

export type ProblemBody = {
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
};

const UNAVAILABLE_CODES = new Set(['DATA_DIR_LOCKED', 'STORAGE_UNAVAILABLE']);

/**
 * An API problem+json as one line: the field at fault (named as the CLI option that set it, when the
 * command says which) and what is wrong with it, without repeating the detail that says the same.
 */
export function problemMessage(body: ProblemBody, fieldNames: Record<string, string> = {}): string {
  const detail = body.detail ?? body.title ?? 'the request failed';
  const first = body.errors?.[0];
  // A record named by the URL: the CLI resolved it, so "params.id" means nothing to the user.
  if (!first || first.field === 'params.id') return oneLine(detail);
  const bare = first.field.replace(/^(query|params)\./, '');
  const field = fieldNames[first.field] ?? fieldNames[bare] ?? bare;
  const d = detail.toLowerCase();
  const m = first.message.toLowerCase();
  if (d.includes(m) || m.includes(d.replace(new RegExp(`^${escapeRegExp(first.field)}: `, 'i'), ''))) {
    return oneLine(`${field}: ${first.message}`);
  }
  if (detail.includes(first.field)) return oneLine(detail.replace(first.field, field));
  return oneLine(`${detail} (${field}: ${first.message})`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function problemExitCode(status: number, code: string | undefined): ExitCode {
  if (code !== undefined && UNAVAILABLE_CODES.has(code)) return EXIT.UNAVAILABLE;
  if (status === 404) return EXIT.NOT_FOUND;
  if (status === 503) return EXIT.UNAVAILABLE;
  return EXIT.FAILED;
}

export function problemError(status: number, body: unknown, fieldNames?: Record<string, string>): CliError {
  const problem: ProblemBody =
    body && typeof body === 'object' ? (body as ProblemBody) : { detail: `HTTP ${status}${body ? `: ${String(body)}` : ''}` };
  if (status === 401) {
    return new CliError(
      'The server refused the credentials (no token, or it was revoked or expired): run `ptrack login --url URL` or set PTRACK_TOKEN',
      EXIT.FAILED,
    );
  }
  return new CliError(problemMessage(problem, fieldNames), problemExitCode(status, problem.code));
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
