// The one way the web app talks to the server: JSON over fetch, with RFC 9457 problem+json turned into
// a typed ApiError. Every call names an operation of the contracts' route table: its path comes from
// `endpoints` (plain data), its params, query, body and answer types from `api-routes` (imported as
// types only), so the browser bundle carries no zod schema and no server code.

import type { RouteName, RouteRequest, RouteResponse } from '@ptrack/contracts';
import { endpoints, pathOf, type QueryValue } from '@ptrack/contracts/endpoints';
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

type Query = Readonly<Record<string, QueryValue>>;

type RequestOptions = { body?: unknown; raw?: { body: Blob; contentType: string } };

async function request<T>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
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
    response = await fetch(url, {
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

/** The arguments after an operation's name: its request, which may be left out when nothing in it is required. */
export type CallArgs<N extends RouteName> =
  Record<never, never> extends RouteRequest<N> ? [request?: RouteRequest<N>] : [request: RouteRequest<N>];

type AnyRequest = { params?: Record<string, string>; query?: Query; body?: unknown };

/** The address of an operation with its params and query (for links the browser follows itself). */
function hrefOf<N extends RouteName>(name: N, ...[req]: CallArgs<N>): string {
  const { params, query } = (req ?? {}) as AnyRequest;
  return pathOf(name, params as never, query);
}

/**
 * Calls one operation of the route table. A POST without a body sends `{}` (a JSON write, as the server
 * expects). If the session ended meanwhile, the call waits for the user to sign in again (session-expiry.ts).
 */
function call<N extends RouteName>(name: N, ...args: CallArgs<N>): Promise<RouteResponse<N>> {
  const { method } = endpoints[name];
  const { body } = (args[0] ?? {}) as AnyRequest;
  const url = hrefOf(name, ...args);
  const sent = body === undefined && method === 'POST' ? {} : body;
  return withSignIn(url, () => request<RouteResponse<N>>(method, url, sent === undefined ? {} : { body: sent }));
}

/** Sends a file's bytes as the body of `createImport` (a sheet upload), answered with JSON. */
function upload(query: RouteRequest<'createImport'>['query'], file: Blob, contentType: string) {
  const url = hrefOf('createImport', { query });
  return withSignIn(url, () =>
    request<RouteResponse<'createImport'>>(endpoints.createImport.method, url, { raw: { body: file, contentType } }),
  );
}

export const api = { call, href: hrefOf, upload };
