import { validationError } from './errors.ts';
import { type ObjectType, resolveObjectType } from './object-types.ts';
import type { HubSpotStore } from './store.ts';

export interface RequestContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  body: unknown;
  store: HubSpotStore;
  /** The stand-in's base URL, for paging links. */
  baseUrl: string;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** A stable name for request counters, e.g. `GET /crm/v3/objects/{objectType}`. */
  name: string;
  handler: (ctx: RequestContext) => Reply;
}

/** Builds a route from a path template with `{param}` segments. */
export function route(method: string, template: string, handler: Route['handler']): Route {
  const source = template.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return { method, pattern: new RegExp(`^${source}/?$`), name: `${method} ${template}`, handler };
}

/** A `{param}` of the route's path as sent (still percent-encoded). */
export function rawPathParam(ctx: RequestContext, name: string): string {
  const raw = ctx.params[name];
  // The route's template names its parameters, so a missing one is a wiring bug, not a bad request.
  if (raw === undefined) throw new Error(`The route has no {${name}} path parameter`);
  return raw;
}

/** A `{param}` of the route's path, percent-decoded. */
export function pathParam(ctx: RequestContext, name: string): string {
  return decodeURIComponent(rawPathParam(ctx, name));
}

export function objectTypeParam(ctx: RequestContext, name = 'objectType'): ObjectType {
  const raw = decodeURIComponent(ctx.params[name] ?? '');
  const type = resolveObjectType(raw);
  if (!type) throw validationError(`Unable to infer object type from: ${raw}`);
  return type;
}

/** A repeated or comma-separated query parameter (`properties=a&properties=b,c`). */
export function listParam(url: URL, name: string): string[] | undefined {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((v) => v.split(',')).filter((v) => v !== '');
}

export function boolParam(url: URL, name: string): boolean {
  return url.searchParams.get(name) === 'true';
}

export function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw validationError(`${name} must be a positive integer`, [{ message: raw, in: name }]);
  return Math.min(n, max);
}

export function objectBody(ctx: RequestContext): Record<string, unknown> {
  if (ctx.body === undefined || ctx.body === null || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) {
    throw validationError('Request body must be a JSON object');
  }
  return ctx.body as Record<string, unknown>;
}

export const MAX_BATCH_INPUTS = 100;

/** The `inputs` array of a batch body; at most 100 (reference, secondary). */
export function batchInputs<T>(ctx: RequestContext, max = MAX_BATCH_INPUTS): T[] {
  const inputs = objectBody(ctx).inputs;
  if (!Array.isArray(inputs)) throw validationError('inputs must be an array', [{ message: 'required', in: 'inputs' }]);
  if (inputs.length > max) {
    throw validationError(`Batch input cannot exceed ${max} inputs (got ${inputs.length})`, [
      { message: `too many inputs: ${inputs.length}`, in: 'inputs' },
    ]);
  }
  return inputs as T[];
}

export function batchReply(
  store: HubSpotStore,
  startedAt: number,
  results: unknown[],
  errors: unknown[],
  okStatus: number,
): Reply {
  const body = {
    status: 'COMPLETE',
    results,
    requestedAt: new Date(startedAt).toISOString(),
    startedAt: new Date(startedAt).toISOString(),
    completedAt: new Date(store.now()).toISOString(),
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
  };
  return { status: errors.length > 0 ? 207 : okStatus, body };
}
