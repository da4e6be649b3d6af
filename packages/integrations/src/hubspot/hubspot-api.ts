import { Client } from '@hubspot/api-client';
import type { HubSpotPropertyDefinition } from '@ptrack/domain';
import { DEFAULT_RETRY, type RetryOptions, toUpstreamError, withRetry } from './hubspot-retry';

export type HubSpotObjectType = 'contacts' | 'companies' | 'deals';

export type HubSpotConfig = {
  accessToken: string;
  /** https://api.hubapi.com, or the stand-in's address in tests. */
  baseUrl: string;
  /** The account's private-app limit (Professional/Enterprise: 190 per 10 s). */
  requestsPer10s: number;
  /** Search has its own limit, ~5 requests per second per account. */
  searchPerSecond: number;
  retry?: Partial<RetryOptions>;
};

/** One HubSpot record as the sync reads it: every property value a string or null. */
export type HubSpotRecord = { id: string; properties: Record<string, string | null>; createdAt?: string; updatedAt?: string };

export type SearchFilter = { propertyName: string; operator: string; value?: string; values?: string[]; highValue?: string };
export type SearchRequest = {
  filters: SearchFilter[];
  sort?: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' };
  properties: string[];
  limit: number;
  after?: string;
};
export type SearchPage = { total: number; results: HubSpotRecord[]; after: string | null };
export type BatchFailure = { id: string; reason: string };

/** Search results are capped at 10,000 per query (HubSpot answers 400 beyond). */
export const SEARCH_RESULT_CAP = 10_000;
export const BATCH_SIZE = 100;
/** Associations v4 batch read takes up to 1,000 source ids per call. */
export const ASSOCIATION_BATCH_SIZE = 1000;
/** List pages hold at most 100 records. */
export const LIST_PAGE_SIZE = 100;

/** A listed record with the ids of its associated records, by object type. */
export type ListedRecord = HubSpotRecord & { associations: Partial<Record<HubSpotObjectType, string[]>> };

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

function toRecord(o: {
  id: string;
  properties: Record<string, string | null>;
  createdAt?: Date | string;
  updatedAt?: Date | string;
}): HubSpotRecord {
  const iso = (d: Date | string | undefined) => (d instanceof Date ? d.toISOString() : d);
  return { id: String(o.id), properties: o.properties ?? {}, createdAt: iso(o.createdAt), updatedAt: iso(o.updatedAt) };
}

// Inline association keys: HubSpot names the object type, by name or by type id.
const ASSOCIATION_KEYS: Record<string, HubSpotObjectType> = {
  contacts: 'contacts',
  companies: 'companies',
  deals: 'deals',
  '0-1': 'contacts',
  '0-2': 'companies',
  '0-3': 'deals',
};

type BatchErrors = { errors?: { message?: string; category?: string; context?: Record<string, string[]> }[] };

function batchFailures(response: unknown): BatchFailure[] {
  const failures: BatchFailure[] = [];
  for (const e of (response as BatchErrors).errors ?? []) {
    for (const id of e.context?.ids ?? e.context?.id ?? ['?'])
      failures.push({ id, reason: `${e.category ?? 'ERROR'}: ${e.message ?? ''}`.trim() });
  }
  return failures;
}

// The client's limiter and retry decorators are process-wide and each `new Client()` replaces them, so
// one client is kept per configuration instead of one per call.
let cached: { key: string; client: Client } | null = null;
let nextSearchAt = 0;

function clientFor(config: HubSpotConfig): Client {
  const key = JSON.stringify([config.accessToken, config.baseUrl, config.requestsPer10s]);
  if (cached?.key === key) return cached.client;
  const client = new Client({
    accessToken: config.accessToken,
    basePath: config.baseUrl.replace(/\/+$/, ''),
    // One attempt: withRetry owns retries (the client's waits 10 s × attempt and retries only some 429s).
    numberOfApiCallRetries: 1,
    // Requests start at least 10 s / limit apart, so no rolling 10-second window holds more than the limit.
    limiterOptions: { minTime: Math.ceil(10_000 / config.requestsPer10s), maxConcurrent: 4 },
    // Without job options the client's LimiterDecorator returns a wrapped function instead of calling it.
    limiterJobOptions: { priority: 5 },
  });
  cached = { key, client };
  return client;
}

/**
 * The HubSpot CRM calls the sync needs, through the official client, each counted in `requests` (retries
 * included) and retried on 429/5xx. Errors come out as AppError('UPSTREAM_FAILED') with HubSpot's status.
 */
export function createHubSpotApi(config: HubSpotConfig) {
  const client = clientFor(config);
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...config.retry };
  const stats = { requests: 0, rateLimited: 0, serverErrors: 0 };
  const call = <T>(what: string, fn: () => Promise<T>) =>
    withRetry(what, fn, retry, (status) => {
      stats.requests++;
      if (status === 429) stats.rateLimited++;
      if (status !== null && status >= 500) stats.serverErrors++;
    });

  async function searchGate(): Promise<void> {
    const spacing = Math.ceil(1000 / config.searchPerSecond);
    const now = Date.now();
    const wait = Math.max(0, nextSearchAt - now);
    nextSearchAt = Math.max(now, nextSearchAt) + spacing;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  const objects = (type: HubSpotObjectType) => client.crm[type];

  return {
    stats,

    /** A cheap authenticated read: proves the token and the address. */
    async testConnection(): Promise<void> {
      await call('connection test', () => client.crm.contacts.basicApi.getPage(1));
    },

    async propertyNames(type: HubSpotObjectType): Promise<Set<string>> {
      const response = await call(`reading ${type} properties`, () => client.crm.properties.coreApi.getAll(type));
      return new Set(response.results.map((p) => p.name));
    },

    /** Creates a property; false when it already exists (409). */
    async createProperty(type: HubSpotObjectType, groupName: string, def: HubSpotPropertyDefinition): Promise<boolean> {
      try {
        await call(`creating the ${type} property ${def.name}`, () =>
          client.crm.properties.coreApi.create(type, { groupName, ...def } as never),
        );
        return true;
      } catch (error) {
        if ((error as { details?: { status?: number } }).details?.status === 409) return false;
        throw error;
      }
    },

    async search(type: HubSpotObjectType, request: SearchRequest): Promise<SearchPage> {
      await searchGate();
      const response = await call(`searching ${type}`, () =>
        objects(type).searchApi.doSearch({
          filterGroups: request.filters.length > 0 ? [{ filters: request.filters as never }] : [],
          sorts: (request.sort ? [request.sort] : []) as never,
          properties: request.properties,
          limit: request.limit,
          ...(request.after ? { after: request.after } : {}),
        }),
      );
      return {
        total: response.total,
        results: response.results.map(toRecord),
        after: response.paging?.next?.after ?? null,
      };
    },

    /**
     * One page of every record of a type, oldest id first, with associated ids inline (a full pull
     * reads them this way: no search limit, no 10,000 cap, and no separate association calls).
     */
    async listPage(
      type: HubSpotObjectType,
      request: { after?: string | undefined; properties: string[]; associations: HubSpotObjectType[] },
    ): Promise<{ results: ListedRecord[]; after: string | null }> {
      const response = await call(`listing ${type}`, () =>
        objects(type).basicApi.getPage(LIST_PAGE_SIZE, request.after, request.properties, undefined, request.associations, false),
      );
      const results = response.results.map((o) => {
        const associations: ListedRecord['associations'] = {};
        for (const [key, value] of Object.entries(o.associations ?? {})) {
          const to = ASSOCIATION_KEYS[key];
          if (to) associations[to] = [...new Set(value.results.map((a) => String(a.id)))];
        }
        return { ...toRecord(o), associations };
      });
      return { results, after: response.paging?.next?.after ?? null };
    },

    /** Reads records by id, 100 per call; ids HubSpot does not know come back in `missing`. */
    async batchRead(type: HubSpotObjectType, ids: readonly string[], properties: string[]) {
      const records: HubSpotRecord[] = [];
      const missing: BatchFailure[] = [];
      for (const chunk of chunks([...new Set(ids)], BATCH_SIZE)) {
        const response = await call(`reading ${type}`, () =>
          objects(type).batchApi.read({ inputs: chunk.map((id) => ({ id })), properties, propertiesWithHistory: [] }),
        );
        records.push(...response.results.map(toRecord));
        missing.push(...batchFailures(response));
      }
      return { records, missing };
    },

    /** Associated record ids per source id (associations v4 batch read, 100 sources per call). */
    async associations(from: HubSpotObjectType, to: HubSpotObjectType, ids: readonly string[]): Promise<Map<string, string[]>> {
      const result = new Map<string, string[]>();
      for (const chunk of chunks([...new Set(ids)], ASSOCIATION_BATCH_SIZE)) {
        const response = await call(`reading ${from} → ${to} associations`, () =>
          client.crm.associations.v4.batchApi.getPage(from, to, { inputs: chunk.map((id) => ({ id })) } as never),
        );
        for (const row of response.results) {
          const fromId = String(row._from.id);
          result.set(fromId, [...(result.get(fromId) ?? []), ...row.to.map((t) => String(t.toObjectId))]);
        }
      }
      return result;
    },

    /** Updates properties, 100 records per call; returns the records HubSpot refused. */
    async batchUpdate(
      type: HubSpotObjectType,
      inputs: { id: string; properties: Record<string, string> }[],
    ): Promise<BatchFailure[]> {
      const failures: BatchFailure[] = [];
      for (const chunk of chunks(inputs, BATCH_SIZE)) {
        try {
          const response = await call(`updating ${type}`, () => objects(type).batchApi.update({ inputs: chunk }));
          failures.push(...batchFailures(response));
        } catch (error) {
          const reason = toUpstreamError(error, `updating ${type}`).message;
          failures.push(...chunk.map((c) => ({ id: c.id, reason })));
        }
      }
      return failures;
    },
  };
}

export type HubSpotApi = ReturnType<typeof createHubSpotApi>;
