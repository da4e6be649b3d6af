import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * What the server's log may hold. Query strings carry tokens (invitation and reset links, the lookup
 * of a token), the calendar feed's path is its secret, and a failed query's parameters are the values
 * being written — an SMTP password, a webhook URL. None of them belongs in a log file.
 */

const REDACTED = '***';

/** A URL for the log: the calendar feed's token and every query value replaced, the keys kept. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  const path = (mark === -1 ? url : url.slice(0, mark)).replace(/^(\/api\/calendar\/)[^/?]+/, `$1${REDACTED}`);
  if (mark === -1) return path;
  const keys = url
    .slice(mark + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => `${pair.split('=')[0]}=${REDACTED}`);
  return keys.length > 0 ? `${path}?${keys.join('&')}` : path;
}

// Drizzle puts the bound values in its message ("Failed query: …\nparams: a,b"); the SQL text before
// it has placeholders only.
function withoutParams(message: string): string {
  const at = message.indexOf('\nparams:');
  return at === -1 ? message : message.slice(0, at);
}

// PostgreSQL quotes the offending input at the end of some messages (invalid input syntax for type
// integer: "…"), and names the values of a violated key in `detail`: keep the what, drop the value.
function withoutQuotedInput(message: string): string {
  return message.replace(/: "[^\n]*"$/, `: "${REDACTED}"`);
}

type Serialized = {
  type: string;
  message: string;
  stack: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  statusCode?: number;
  cause?: Serialized;
};

/**
 * An error for the log: its type, message and stack frames, and for database errors the SQLSTATE and
 * the constraint, table and column — never the query's parameters, `detail`, `where` or any other
 * property that might hold the data being written.
 */
export function serializeError(error: unknown, depth = 0): Serialized {
  if (!(error instanceof Error)) {
    const message = withoutQuotedInput(withoutParams(String(error)));
    return { type: typeof error, message, stack: message };
  }
  const e = error as Error & Record<string, unknown>;
  const isDatabase = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);
  let message = withoutParams(e.message);
  if (isDatabase) message = withoutQuotedInput(message);
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  const out: Serialized = { type: e.name, message, stack: `${e.name}: ${message}${frames ? `\n${frames}` : ''}` };
  if (typeof e.code === 'string') out.code = e.code;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  for (const key of ['constraint', 'table', 'column'] as const) if (typeof e[key] === 'string') out[key] = e[key];
  if (e.cause !== undefined && depth < 4) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

// Belt and braces: no serializer above writes headers, but a log call that passes them gets these masked.
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  'headers["set-cookie"]',
];

/** The logger options of buildApp with the serializers above, whatever the caller passed. */
export function safeLoggerOptions(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = logger === true ? {} : (logger as Exclude<FastifyServerOptions['logger'], boolean | undefined>);
  return {
    ...base,
    serializers: { ...(base.serializers ?? {}), req: serializeRequest as never, err: (error) => serializeError(error) },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
  };
}
