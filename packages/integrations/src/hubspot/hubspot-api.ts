import { Client } from '@hubspot/api-client';
import type { HubSpotPropertyDefinition } from '@ptrack/domain';
import { DEFAULT_RETRY, type RetryOptions, toUpstreamError, withRetry } from './hubspot-retry';
import { RequestPacer } from './request-pacer';

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

/** Requests that may go out back to back after the caller paused (about half a second's worth at 190/10 s). */
export const REQUEST_BURST = 10;
/** Requests in flight at once: list pages follow each other, but a push or a job may run beside a pull. */
const MAX_CONCURRENT = 4;

type Account = { client: Client; pacer: RequestPacer; searchPacer: RequestPacer };

// The client's decorators are process-wide and each `new Client()` replaces them, and HubSpot counts
// requests per account: one client and one pair of pacers are kept per configuration, not per call.
let cached: { key: string; account: Account } | null = null;

function accountFor(config: HubSpotConfig): Account {
  const key = JSON.stringify([config.accessToken, config.baseUrl, config.requestsPer10s, config.searchPerSecond]);
  if (cached?.key === key) return cached.account;
  const client = new Client({
    accessToken: config.accessToken,
    basePath: config.baseUrl.replace(/\/+$/, ''),
    // One attempt: withRetry owns retries (the client's waits 10 s × attempt and retries only some 429s).
    numberOfApiCallRetries: 1,
    // No limiterOptions: the client's limiter spaces requests evenly and cannot make up for time the
    // caller spent elsewhere; the pacers below keep to the same limits and can.
  });
  const account: Account = {
    client,
    pacer: new RequestPacer({
      max: config.requestsPer10s,
      intervalMs: 10_000,
      burst: Math.min(REQUEST_BURST, config.requestsPer10s),
      maxConcurrent: MAX_CONCURRENT,
    }),
    // Search does not count toward the ten-second limit; it has its own per second.
    searchPacer: new RequestPacer({ max: config.searchPerSecond, intervalMs: 1000, burst: 1, maxConcurrent: MAX_CONCURRENT }),
  };
  cached = { key, account };
  return account;
}

/** One paced, retried and counted HubSpot call. */
type Call = <T>(what: string, fn: () => Promise<T>, paced?: RequestPacer) => Promise<T>;

/** Associated record ids per source id (associations v4 batch read, ASSOCIATION_BATCH_SIZE sources per call). */
async function readAssociationPages(
  client: Client,
  call: Call,
  from: HubSpotObjectType,
  to: HubSpotObjectType,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  // A record with more associations than one answer holds comes back with a cursor: it is asked
  // for again, with that cursor, until every page is read.
  let inputs: { id: string; after?: string }[] = [...new Set(ids)].map((id) => ({ id }));
  while (inputs.length > 0) {
    const more: { id: string; after: string }[] = [];
    for (const chunk of chunks(inputs, ASSOCIATION_BATCH_SIZE)) {
      const response = await call(`reading ${from} → ${to} associations`, () =>
        client.crm.associations.v4.batchApi.getPage(from, to, { inputs: chunk }),
      );
      for (const row of response.results) {
        const fromId = String(row._from.id);
        result.set(fromId, [...(result.get(fromId) ?? []), ...row.to.map((t) => String(t.toObjectId))]);
        const after = row.paging?.next?.after;
        if (after) more.push({ id: fromId, after });
      }
    }
    inputs = more;
  }
  return result;
}

type InlineAssociations = Record<string, { results: { id: string }[]; paging?: { next?: { after?: string } } }>;

/**
 * A listed record's associated ids by object type, and the types HubSpot cut short: it lists at most
 * 100 associations of a type inline and gives a cursor for the rest.
 */
function inlineAssociations(inline: InlineAssociations | undefined): {
  associations: ListedRecord['associations'];
  cutShort: HubSpotObjectType[];
} {
  const associations: ListedRecord['associations'] = {};
  const cutShort: HubSpotObjectType[] = [];
  for (const [key, value] of Object.entries(inline ?? {})) {
    const to = ASSOCIATION_KEYS[key];
    if (!to) continue;
    associations[to] = [...new Set(value.results.map((a) => String(a.id)))];
    if (value.paging?.next?.after) cutShort.push(to);
  }
  return { associations, cutShort };
}

type UpdateInput = { id: string; properties: Record<string, string> };

/** Updates properties, 100 records per call; returns the records HubSpot refused (a failed call refuses its chunk). */
async function updateInChunks(
  client: Client,
  call: Call,
  type: HubSpotObjectType,
  inputs: UpdateInput[],
): Promise<BatchFailure[]> {
  const failures: BatchFailure[] = [];
  for (const chunk of chunks(inputs, BATCH_SIZE)) {
    try {
      const response = await call(`updating ${type}`, () => client.crm[type].batchApi.update({ inputs: chunk }));
      failures.push(...batchFailures(response));
    } catch (error) {
      const reason = toUpstreamError(error, `updating ${type}`).message;
      failures.push(...chunk.map((c) => ({ id: c.id, reason })));
    }
  }
  return failures;
}

/**
 * The HubSpot CRM calls the sync needs, through the official client, each counted in `requests` (retries
 * included) and retried on 429/5xx. Errors come out as AppError('UPSTREAM_FAILED') with HubSpot's status.
 */
export function createHubSpotApi(config: HubSpotConfig) {
  const { client, pacer, searchPacer } = accountFor(config);
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...config.retry };
  const stats = { requests: 0, rateLimited: 0, serverErrors: 0 };
  // Every attempt, retries included, waits for its turn under the account's limit.
  const call = <T>(what: string, fn: () => Promise<T>, paced = pacer) =>
    withRetry(
      what,
      () => paced.run(fn),
      retry,
      (status) => {
        stats.requests++;
        if (status === 429) stats.rateLimited++;
        if (status !== null && status >= 500) stats.serverErrors++;
      },
    );

  const objects = (type: HubSpotObjectType) => client.crm[type];

  const readAssociations = (from: HubSpotObjectType, to: HubSpotObjectType, ids: readonly string[]) =>
    readAssociationPages(client, call, from, to, ids);

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
      const response = await call(
        `searching ${type}`,
        () =>
          objects(type).searchApi.doSearch({
            filterGroups: request.filters.length > 0 ? [{ filters: request.filters as never }] : [],
            sorts: (request.sort ? [request.sort] : []) as never,
            properties: request.properties,
            limit: request.limit,
            ...(request.after ? { after: request.after } : {}),
          }),
        searchPacer,
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
      // HubSpot lists at most 100 associations of a type inline; a record with more is read again
      // through the associations batch read, which pages.
      const partial = new Map<HubSpotObjectType, string[]>();
      const results = response.results.map((o) => {
        const { associations, cutShort } = inlineAssociations(o.associations);
        for (const to of cutShort) partial.set(to, [...(partial.get(to) ?? []), String(o.id)]);
        return { ...toRecord(o), associations };
      });
      for (const [to, ids] of partial) {
        const complete = await readAssociations(type, to, ids);
        for (const record of results)
          if (complete.has(record.id)) record.associations[to] = [...new Set(complete.get(record.id))];
      }
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

    associations: readAssociations,

    /** Updates properties, 100 records per call; returns the records HubSpot refused. */
    batchUpdate: (type: HubSpotObjectType, inputs: UpdateInput[]) => updateInChunks(client, call, type, inputs),
  };
}

export type HubSpotApi = ReturnType<typeof createHubSpotApi>;
