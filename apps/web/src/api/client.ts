// The one way the web app talks to the server: JSON over fetch, with RFC 9457 problem+json turned into
// a typed ApiError. Feature api/ modules wrap it with request and response types imported (as types
// only) from @ptrack/contracts, so the browser bundle carries no zod schema and no server code.

import { withSignIn } from './session-expiry';

/** One field-level problem, as the server's problem+json `errors[]` names it (e.g. `name`, `next.dueDate`). */
export type FieldProblem = { field: string; message: string };

/** The problem+json body (contracts' `Problem` schema). */
type ProblemBody = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
  current?: unknown;
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** The server's problem code (`VALIDATION_FAILED`, `VERSION_CONFLICT`…), `NETWORK` when unreachable. */
  readonly code: string;
  readonly title: string;
  readonly fieldProblems: FieldProblem[];
  /** With a version conflict: the record as it is now. */
  readonly current: unknown;

  constructor(status: number, body: ProblemBody) {
    super(body.detail ?? body.title ?? `Request failed (${status})`);
    this.status = status;
    this.code = body.code ?? 'UNKNOWN';
    this.title = body.title ?? 'Something went wrong';
    this.fieldProblems = body.errors ?? [];
    this.current = body.current;
  }

  /** The message for one form field (`dueDate` also matches `next.dueDate`), to show next to it. */
  fieldMessage(field: string): string | undefined {
    const hit = this.fieldProblems.find((p) => p.field === field || p.field.endsWith(`.${field}`));
    return hit?.message;
  }
}

/** The field-level message of `error` for `field`, if the error is an ApiError that names it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

type Query = Record<string, string | number | boolean | undefined>;

function urlOf(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

type RequestOptions = { query?: Query; body?: unknown; raw?: { body: Blob; contentType: string } };

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  const headers: Record<string, string> = options.raw
    ? { 'content-type': options.raw.contentType, accept: 'application/json' }
    : options.body === undefined
      ? { accept: 'application/json' }
      : { 'content-type': 'application/json' };
  // The server refuses a write without it unless the body is JSON: a cross-site form cannot send a
  // custom header (that needs a CORS preflight, which the server never grants).
  if (method !== 'GET') headers['x-ptrack-csrf'] = '1';
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK',
      title: 'Cannot reach the server',
      detail: 'Check that Partner Tracker is running.',
    });
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, (body as ProblemBody | null) ?? {});
  return body as T;
}

/** A request that, if the session ended meanwhile, waits for the user to sign in again (session-expiry.ts). */
const call = <T>(method: string, path: string, options?: RequestOptions) =>
  withSignIn(path, () => request<T>(method, path, options));

export const api = {
  get: <T>(path: string, query?: Query) => call<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, { body }),
  delete: <T = void>(path: string, query?: Query) => call<T>('DELETE', path, { query }),
  /** A file's bytes as the body (a sheet upload), answered with JSON. */
  upload: <T>(path: string, query: Query, file: Blob, contentType: string) =>
    call<T>('POST', path, { query, raw: { body: file, contentType } }),
};
