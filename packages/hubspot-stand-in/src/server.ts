import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody, StandInError } from './errors.ts';
import type { Reply, RequestContext, Route } from './http.ts';
import { type RateLimit, RollingWindow } from './rate-limit.ts';
import { associationRoutes } from './routes/associations.ts';
import { batchRoutes } from './routes/batch.ts';
import { objectRoutes } from './routes/objects.ts';
import { pipelineRoutes } from './routes/pipelines.ts';
import { propertyRoutes } from './routes/properties.ts';
import { HubSpotStore } from './store.ts';
import { type DeliverWebhookOptions, sendWebhook, type WebhookDelivery } from './webhooks.ts';

export const DEFAULT_ACCESS_TOKEN = 'pat-na1-stand-in-test-token';
export const DEFAULT_CLIENT_SECRET = 'stand-in-client-secret';

export interface HubSpotStandInOptions {
  /** The only token accepted; anything else gets 401 INVALID_AUTHENTICATION. */
  accessToken?: string;
  /** Rolling window for everything but search, e.g. `{ max: 190, intervalMs: 10_000 }`; unset = unlimited. */
  rateLimit?: RateLimit;
  /** Search's own limit; defaults to 5 per second when `rateLimit` is set, else unlimited. */
  searchRateLimit?: RateLimit;
  /** The rate limits' clock (real time by default); tests pass a fake one to wait without waiting. */
  rateLimitClock?: () => number;
  /** Daily allowance reported in X-HubSpot-RateLimit-Daily (not enforced). */
  dailyLimit?: number;
  /** Secret used to sign webhook deliveries. */
  clientSecret?: string;
  portalId?: number;
  appId?: number;
  /** Delay every response by this many ms (decided on arrival), to mimic a network round trip. */
  latencyMs?: number;
  /** Start from an existing store (e.g. one seeded once for several servers). */
  store?: HubSpotStore;
}

export interface FaultSpec {
  /** 403 answers MISSING_SCOPES (a token without the CRM scopes); 429 the ten-secondly body. */
  status: 403 | 429 | 500 | 502 | 503 | 504;
  /** How many matching requests fail (default 1). */
  count?: number;
  /** Which requests; default every request. `path` is the URL path without the query. */
  match?: (method: string, path: string) => boolean;
  /** Let this many matching requests through first (e.g. fail the third page of a sync). */
  skip?: number;
  /**
   * Apply the request, then answer with the fault: the write happened but the client never
   * heard (a lost response). Default false: the fault comes before the store is touched.
   */
  afterHandling?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  /** The matched route template, e.g. `GET /crm/v3/objects/{objectType}`. */
  route: string;
  status: number;
  /** Real time in ms (not the store's clock). */
  at: number;
}

export interface RequestStats {
  total: number;
  byRoute: Record<string, number>;
  /** 429s answered because a rate limit was reached (injected ones are counted in `faults`). */
  rateLimited: number;
  faults: number;
  /** 500s caused by a bug in the stand-in itself (logged; never reset); tests can assert it stays 0. */
  internalErrors: number;
}

export interface HubSpotStandIn {
  /** Base URL for `new Client({ accessToken, basePath: url })`. */
  url: string;
  accessToken: string;
  clientSecret: string;
  portalId: number;
  store: HubSpotStore;
  requestLog: LoggedRequest[];
  stats: RequestStats;
  /** The next `count` requests matching `match` fail with `status` before touching the store. */
  injectFaults(spec: FaultSpec): void;
  clearFaults(): void;
  resetStats(): void;
  /** POSTs signed events to a receiver, as HubSpot's webhook delivery does. */
  deliverWebhook(options: DeliverWebhookOptions): Promise<WebhookDelivery>;
  close(): Promise<void>;
}

const ROUTES: Route[] = [...batchRoutes, ...objectRoutes, ...associationRoutes, ...propertyRoutes, ...pipelineRoutes];
const SEARCH = /^\/crm\/v3\/objects\/[^/]+\/search\/?$/;

export async function startHubSpotStandIn(options: HubSpotStandInOptions = {}): Promise<HubSpotStandIn> {
  const accessToken = options.accessToken ?? DEFAULT_ACCESS_TOKEN;
  const store = options.store ?? new HubSpotStore();
  const limiter = options.rateLimit ? new RollingWindow(options.rateLimit, options.rateLimitClock) : undefined;
  const searchLimit = options.searchRateLimit ?? (options.rateLimit ? { max: 5, intervalMs: 1000 } : undefined);
  const searchLimiter = searchLimit ? new RollingWindow(searchLimit, options.rateLimitClock) : undefined;
  const latencyMs = options.latencyMs ?? 0;
  const faults: PendingFault[] = [];
  const requestLog: LoggedRequest[] = [];
  const stats: RequestStats = { total: 0, byRoute: {}, rateLimited: 0, faults: 0, internalErrors: 0 };
  const daily = { limit: options.dailyLimit ?? 625_000, used: 0 };
  let eventId = 1;
  let baseUrl = '';

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', baseUrl);
    const headers: Record<string, string> = {};
    const send = (status: number, body: unknown, routeName: string) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      if (text) headers['content-type'] = 'application/json;charset=utf-8';
      if (latencyMs > 0) setTimeout(() => res.writeHead(status, headers).end(text), latencyMs);
      else res.writeHead(status, headers).end(text);
      stats.total++;
      stats.byRoute[routeName] = (stats.byRoute[routeName] ?? 0) + 1;
      requestLog.push({ method, path: url.pathname, route: routeName, status, at: Date.now() });
    };
    const found = matchRoute(method, url.pathname);
    const routeName = found?.route.name ?? `${method} (unknown)`;
    const outcome = decide(req, method, url, raw, found, headers);
    send(outcome.status, outcome.body, routeName);
  }

  function decide(
    req: IncomingMessage,
    method: string,
    url: URL,
    raw: string,
    found: ReturnType<typeof matchRoute>,
    headers: Record<string, string>,
  ): Reply {
    try {
      if (req.headers.authorization !== `Bearer ${accessToken}`) {
        throw new StandInError(401, 'INVALID_AUTHENTICATION', AUTHENTICATION_MISSING);
      }
      const isSearch = SEARCH.test(url.pathname);
      const limited = takeRateLimit(isSearch ? searchLimiter : limiter, isSearch, daily, headers);
      if (limited) {
        stats.rateLimited++;
        return limited;
      }
      daily.used++;
      const fault = takeFault(faults, method, url.pathname);
      if (fault) {
        stats.faults++;
        const failure = reply(fault.status, faultBody(fault.status));
        if (!fault.afterHandling) return failure;
        try {
          if (found) runHandler(method, url, raw, found);
        } catch {
          // The client sees the fault either way; a rejected write simply did not happen.
        }
        return failure;
      }
      if (!found) throw new StandInError(404, 'OBJECT_NOT_FOUND', `No route for ${method} ${url.pathname}`);
      return runHandler(method, url, raw, found);
    } catch (error) {
      if (error instanceof StandInError) return reply(error.status, errorBody(error));
      stats.internalErrors++;
      console.error('hubspot stand-in: unexpected error', error);
      return reply(500, serverErrorBody(500));
    }
  }

  function runHandler(method: string, url: URL, raw: string, found: NonNullable<ReturnType<typeof matchRoute>>): Reply {
    const ctx: RequestContext = { method, url, params: found.params, body: parseBody(raw), store, baseUrl };
    return found.route.handler(ctx);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const portalId = options.portalId ?? 62515;
  return {
    url: baseUrl,
    accessToken,
    clientSecret,
    portalId,
    store,
    requestLog,
    stats,
    injectFaults(spec) {
      faults.push(pendingFault(spec));
    },
    clearFaults() {
      faults.length = 0;
    },
    resetStats() {
      requestLog.length = 0;
      // internalErrors is never reset: a test can assert the stand-in had no bug during the whole run.
      Object.assign(stats, { total: 0, byRoute: {}, rateLimited: 0, faults: 0 });
    },
    deliverWebhook(deliver) {
      const sender = { clientSecret, portalId, appId: options.appId ?? 1, now: () => store.now(), nextEventId: () => eventId++ };
      return sendWebhook(sender, deliver);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

const reply = (status: number, body?: unknown): Reply => ({ status, body });

const AUTHENTICATION_MISSING =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

type PendingFault = Required<Omit<FaultSpec, 'match'>> & Pick<FaultSpec, 'match'>;

const pendingFault = (spec: FaultSpec): PendingFault => ({
  status: spec.status,
  count: spec.count ?? 1,
  match: spec.match,
  skip: spec.skip ?? 0,
  afterHandling: spec.afterHandling ?? false,
});

/**
 * Counts the request against its rolling window and sets HubSpot's rate-limit headers (not on search,
 * whose limit HubSpot does not report); a 429 reply when the window is full, else undefined.
 */
function takeRateLimit(
  window: RollingWindow | undefined,
  isSearch: boolean,
  daily: { limit: number; used: number },
  headers: Record<string, string>,
): Reply | undefined {
  if (!window) return undefined;
  const decision = window.take();
  if (!isSearch) {
    headers['x-hubspot-ratelimit-max'] = String(window.limit.max);
    headers['x-hubspot-ratelimit-remaining'] = String(decision.remaining);
    headers['x-hubspot-ratelimit-interval-milliseconds'] = String(window.limit.intervalMs);
    headers['x-hubspot-ratelimit-daily'] = String(daily.limit);
    headers['x-hubspot-ratelimit-daily-remaining'] = String(Math.max(daily.limit - daily.used - 1, 0));
  }
  return decision.allowed ? undefined : reply(429, rateLimitBody(isSearch));
}

/** The injected fault this request triggers (and uses up), if any; a fault still skipping lets it through. */
function takeFault(faults: PendingFault[], method: string, path: string): PendingFault | undefined {
  const fault = faults.find((f) => f.count > 0 && (!f.match || f.match(method, path)));
  if (!fault) return undefined;
  if (fault.skip > 0) {
    fault.skip--;
    return undefined;
  }
  fault.count--;
  return fault;
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new StandInError(400, 'VALIDATION_ERROR', 'Invalid input JSON on line 1: the request body is not JSON');
  }
}

function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: { ...m.groups } };
  }
  return undefined;
}

// reference: the client retries a 429 only with this policyName (10 s × attempt) or, for search,
// the secondly-limit message (1 s × attempt).
function rateLimitBody(search: boolean): Record<string, unknown> {
  return {
    status: 'error',
    message: search ? 'You have reached your secondly limit.' : 'You have reached your ten_secondly_rolling limit.',
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
    policyName: search ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING',
    category: 'RATE_LIMITS',
  };
}

function faultBody(status: FaultSpec['status']): Record<string, unknown> {
  if (status === 429) return rateLimitBody(false);
  if (status === 403) {
    return {
      status: 'error',
      message: "This app hasn't been granted all required scopes to make this call.",
      correlationId: randomUUID(),
      category: 'MISSING_SCOPES',
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: ['crm.objects.contacts.read'] },
        },
      ],
    };
  }
  return serverErrorBody(status);
}

function serverErrorBody(status: number): Record<string, unknown> {
  return {
    status: 'error',
    message: status === 500 ? 'internal error' : `upstream unavailable (${status})`,
    correlationId: randomUUID(),
    category: 'INTERNAL_ERROR',
  };
}
