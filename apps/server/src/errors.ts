import { AppError, type AppErrorCode } from '@ptrack/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * The one place that turns errors into HTTP responses (CONVENTIONS.md §5): RFC 9457 problem+json with
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
  RATE_LIMITED: 'Too many attempts',
  MALFORMED_JSON: 'The body is not valid JSON',
  BODY_TOO_LARGE: 'The body is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  ROUTE_NOT_FOUND: 'No such API route',
  BAD_REQUEST: 'Bad request',
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
        p.status >= 500 && p.code !== 'DATA_DIR_LOCKED' && p.code !== 'STORAGE_UNAVAILABLE' && p.code !== 'UPSTREAM_FAILED',
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
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        problem: problem(request, 413, 'BODY_TOO_LARGE', 'body: is larger than the 1 MiB limit', [
          { field: 'body', message: 'is larger than the 1 MiB limit' },
        ]),
        internal: false,
      };
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

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { problem: body, internal } = toProblem(error, request);
    if (internal) {
      // A response that does not match its schema carries the zod issues in `cause`.
      const cause =
        (error as { code?: string; cause?: { issues?: unknown } }).code === 'FST_ERR_RESPONSE_SERIALIZATION'
          ? (error as { cause?: { issues?: unknown } }).cause?.issues
          : undefined;
      request.log.error({ err: error, issues: cause, method: request.method, url: request.url }, 'request failed');
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
