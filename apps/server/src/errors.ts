import { AppError, type AppErrorCode, DateRangeError } from '@ptrack/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { redactUrl } from './log-safety';

/**
 * The one place that turns errors into HTTP responses (docs/ARCHITECTURE.md): RFC 9457 problem+json with
 * field-level details. Bad input is always a 4xx naming the field; anything unexpected is a 500 whose
 * details are logged with the request, never sent.
 */

export type ProblemField = { field: string; message: string };
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors: ProblemField[];
  current?: unknown;
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  CONFLICTING_STATE: 409,
  NOT_ALLOWED: 403,
  DATA_DIR_LOCKED: 503,
  STORAGE_UNAVAILABLE: 503,
  UPSTREAM_FAILED: 502,
  UNAUTHENTICATED: 401,
  SECRET_KEY_UNAVAILABLE: 503,
  RATE_LIMITED: 429,
};

const TITLE_BY_CODE: Record<string, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  NOT_FOUND: 'Not found',
  VERSION_CONFLICT: 'The record was changed by someone else',
  DUPLICATE: 'A record like this already exists',
  CONFLICTING_STATE: 'The record is not in a state that allows this',
  NOT_ALLOWED: 'Not allowed',
  DATA_DIR_LOCKED: 'The data directory is in use by another process',
  STORAGE_UNAVAILABLE: 'The database is unavailable',
  UPSTREAM_FAILED: 'An outside service failed',
  UNAUTHENTICATED: 'Not authenticated',
  SECRET_KEY_UNAVAILABLE: 'The key of the stored secrets is unavailable',
  RATE_LIMITED: 'Too many attempts',
  MALFORMED_JSON: 'The body is not valid JSON',
  BODY_TOO_LARGE: 'The body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  ROUTE_NOT_FOUND: 'No such API route',
  BAD_REQUEST: 'Bad request',
  MISDIRECTED_REQUEST: 'This server does not answer for this host',
  CROSS_SITE_REQUEST: 'Cross-site request refused',
  URI_TOO_LONG: 'A part of the address is too long',
  BAD_URL: 'The address is not valid',
  DATE_OUT_OF_RANGE: 'A date would fall outside the years 0001–9999',
  STILL_REFERENCED: 'Other records still refer to this one',
  CONSTRAINT_VIOLATED: 'The change breaks a rule of the data',
  VALUE_OUT_OF_RANGE: 'A value does not fit where it is stored',
  INTERNAL: 'Internal server error',
};

function typeOf(code: string): string {
  return `urn:ptrack:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

function problem(request: FastifyRequest, status: number, code: string, detail: string, errors: ProblemField[] = []): Problem {
  return {
    type: typeOf(code),
    title: TITLE_BY_CODE[code] ?? 'Error',
    status,
    detail,
    instance: request.url.split('?')[0] ?? request.url,
    code,
    errors,
  };
}

// Where a validation problem came from: body fields by their own path, the rest prefixed.
const PREFIX_BY_CONTEXT: Record<string, string> = { body: '', querystring: 'query', params: 'params', headers: 'headers' };

function joinPath(prefix: string, parts: (string | number)[]): string {
  const path = [prefix, ...parts.map(String)].filter((p) => p !== '').join('.');
  return path === '' ? 'body' : path;
}

type ValidationItem = { instancePath: string; message?: string | undefined; keyword?: string; params?: Record<string, unknown> };

function fieldIssues(context: string, items: ValidationItem[]): ProblemField[] {
  const prefix = PREFIX_BY_CONTEXT[context] ?? context;
  const issues: ProblemField[] = [];
  for (const item of items) {
    const parts = item.instancePath
      .split('/')
      .slice(1)
      .filter((p) => p !== '');
    const keys = item.params?.keys;
    if (item.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      for (const key of keys) issues.push({ field: joinPath(prefix, [...parts, String(key)]), message: 'is not a known field' });
      continue;
    }
    issues.push({ field: joinPath(prefix, parts), message: item.message ?? 'is not valid' });
  }
  return issues;
}

/**
 * Services name fields by their input's keys; a key that came from the query string is prefixed like
 * schema errors are (`query.view`), so clients find every query problem under the same name.
 */
function locateIssues(request: FastifyRequest, issues: ProblemField[]): ProblemField[] {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
  return issues.map((issue) => {
    const root = issue.field.split('.')[0] ?? '';
    return Object.hasOwn(query, root) && !Object.hasOwn(body, root) ? { ...issue, field: `query.${issue.field}` } : issue;
  });
}

function fromAppError(request: FastifyRequest, error: AppError): Problem {
  const status = STATUS_BY_CODE[error.code] ?? 500;
  let errors = locateIssues(request, error.issues);
  if (error.code === 'NOT_FOUND' && errors.length === 0) {
    // A missing record named by the URL: name the path parameter.
    const params = request.params as Record<string, unknown> | undefined;
    if (params?.id !== undefined && params.id === error.details.id) errors = [{ field: 'params.id', message: error.message }];
  }
  if (error.details.stillReferenced === true && request.method === 'DELETE' && errors.length === 0) {
    // A delete the foreign keys refuse: the record named by the URL is what others still point to.
    errors = [{ field: 'params.id', message: 'is still referred to by other records' }];
  }
  const body = problem(request, status, error.code, error.message, errors);
  if (error.code === 'VERSION_CONFLICT' && error.details.current !== undefined) body.current = error.details.current;
  return body;
}

/** Maps any error to a problem; `internal` marks the ones that must be logged and not explained. */
export function toProblem(error: unknown, request: FastifyRequest): { problem: Problem; internal: boolean } {
  if (error instanceof AppError) {
    const p = fromAppError(request, error);
    return {
      problem: p,
      internal:
        p.status >= 500 &&
        p.code !== 'DATA_DIR_LOCKED' &&
        p.code !== 'STORAGE_UNAVAILABLE' &&
        p.code !== 'UPSTREAM_FAILED' &&
        p.code !== 'SECRET_KEY_UNAVAILABLE',
    };
  }
  const database = databaseProblem(error, request);
  if (database) return database;
  if (error instanceof DateRangeError) {
    return {
      problem: problem(request, 400, 'DATE_OUT_OF_RANGE', 'body: a date it implies would fall after 9999-12-31', [
        { field: 'body', message: 'implies a date after 9999-12-31' },
      ]),
      internal: false,
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const errors = fieldIssues(context, error.validation);
    const first = errors[0];
    return {
      problem: problem(
        request,
        400,
        'VALIDATION_FAILED',
        first ? `${first.field}: ${first.message}` : 'The request is not valid',
        errors,
      ),
      internal: false,
    };
  }
  const fastifyError = error as Partial<FastifyError> & { status?: number };
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        problem: problem(request, 400, 'MALFORMED_JSON', 'body: is not valid JSON', [
          { field: 'body', message: 'is not valid JSON' },
        ]),
        internal: false,
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        problem: problem(request, 400, 'MALFORMED_JSON', 'body: is empty although the content type is JSON', [
          { field: 'body', message: 'is empty although the content type is JSON' },
        ]),
        internal: false,
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const message = `is larger than the ${sizeOf(request.routeOptions.bodyLimit ?? 1024 * 1024)} limit`;
      return {
        problem: problem(request, 413, 'BODY_TOO_LARGE', `body: ${message}`, [{ field: 'body', message }]),
        internal: false,
      };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        problem: problem(
          request,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `Send the body as application/json (got ${request.headers['content-type'] ?? 'none'})`,
          [{ field: 'headers.content-type', message: 'must be application/json' }],
        ),
        internal: false,
      };
  }
  // The JSON parser reports syntax errors as a SyntaxError with status 400.
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return {
      problem: problem(request, 400, 'MALFORMED_JSON', 'body: is not valid JSON', [
        { field: 'body', message: 'is not valid JSON' },
      ]),
      internal: false,
    };
  }
  // Other client errors raised by Fastify itself (bad content length, prototype poisoning…): their
  // messages describe the request, not our internals.
  const status = fastifyError.statusCode ?? fastifyError.status;
  if (isFastifyError(error) && typeof status === 'number' && status >= 400 && status < 500) {
    return { problem: problem(request, status, 'BAD_REQUEST', fastifyError.message ?? 'Bad request'), internal: false };
  }
  return { problem: problem(request, 500, 'INTERNAL', 'An unexpected error occurred; it has been logged.'), internal: true };
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${Math.round(bytes / 1024 ** 2)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function isFastifyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && code.startsWith('FST_')) || error instanceof SyntaxError;
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply
    .code(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send(body);
}

/** Refuses a request before its route runs (the security checks), as problem+json. */
export function refuseRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors: ProblemField[],
): FastifyReply {
  return sendProblem(reply, problem(request, status, code, detail, errors));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { problem: body, internal } = toProblem(error, request);
    if (internal) {
      // A response that does not match its schema carries the zod issues in `cause`.
      const cause =
        (error as { code?: string; cause?: { issues?: unknown } }).code === 'FST_ERR_RESPONSE_SERIALIZATION'
          ? (error as { cause?: { issues?: unknown } }).cause?.issues
          : undefined;
      // The logger's serializers (log-safety.ts) keep query values and a failed query's parameters out.
      request.log.error({ err: error, issues: cause, method: request.method, url: redactUrl(request.url) }, 'request failed');
    } else if (body.status >= 500) {
      request.log.warn({ code: body.code, detail: body.detail }, 'storage unavailable');
    }
    const retryAfter = error instanceof AppError ? error.details.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(request, 404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
}

/**
 * Errors Fastify raises before a route is found (a path parameter over its length limit → 414, a
 * malformed %-escape → 400): problem+json like every other answer.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const code =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URI_TOO_LONG' : error.code === 'FST_ERR_BAD_URL' ? 'BAD_URL' : 'BAD_REQUEST';
  const message = code === 'URI_TOO_LONG' ? 'has a part longer than the server accepts' : 'is not a valid address';
  void sendProblem(reply, problem(request, status, code, `url: ${message}`, [{ field: 'url', message }]));
}

type DatabaseErrorFields = { code: string; constraint?: string; column?: string; table?: string };

/** The PostgreSQL error (from pg or PGlite) behind an error, through Drizzle's wrapping. */
function databaseErrorOf(error: unknown): DatabaseErrorFields | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return current as DatabaseErrorFields;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The database's own rules, when input got past the service's checks: a foreign key that still has
 * rows pointing at a record being deleted is a 409, a unique index a 409, a check or not-null rule a
 * 422, and a value the column cannot hold (class 22: out of range, bad text) a 400. Logged by the
 * caller as a client error, never a 500.
 */
function databaseProblem(error: unknown, request: FastifyRequest): { problem: Problem; internal: boolean } | null {
  const db = databaseErrorOf(error);
  if (!db) return null;
  const field = db.column ? camelCase(db.column) : 'body';
  const named = (message: string) => [{ field, message }];
  const answer = (status: number, code: string, message: string, errors: ProblemField[]) => ({
    problem: problem(request, status, code, message, errors),
    internal: false,
  });
  const what = db.table ? ` (${db.table}${db.constraint ? `: ${db.constraint}` : ''})` : '';
  // 23001: a RESTRICT foreign key (PostgreSQL 15+ names it apart from 23503, the plain one).
  if (db.code === '23503' || db.code === '23001') {
    const deleting = request.method === 'DELETE';
    return deleting
      ? answer(409, 'STILL_REFERENCED', `Other records still refer to this one${what}`, [
          { field: 'params.id', message: 'is still referred to by other records' },
        ])
      : answer(
          409,
          'STILL_REFERENCED',
          `A record this refers to does not exist${what}`,
          named('refers to a record that does not exist'),
        );
  }
  if (db.code === '23505') return answer(409, 'DUPLICATE', `A record like this already exists${what}`, named('is already taken'));
  if (db.code === '23514' || db.code === '23502' || db.code === '23P01')
    return answer(422, 'CONSTRAINT_VIOLATED', `The change breaks a rule of the data${what}`, named('breaks a rule of the data'));
  if (db.code.startsWith('22'))
    return answer(400, 'VALUE_OUT_OF_RANGE', `A value cannot be stored${what}`, named('is out of range or not storable'));
  return null;
}
