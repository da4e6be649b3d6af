import { conflict, notFound, type StandInError, validationError } from '../errors.ts';
import {
  boolParam,
  intParam,
  listParam,
  objectBody,
  objectTypeParam,
  pathParam,
  type Reply,
  type RequestContext,
  type Route,
  route,
} from '../http.ts';
import { ASSOCIATION_TYPES, type ObjectType } from '../object-types.ts';
import { parseSearchRequest, runSearch } from '../search.ts';
import { type AssociationInput, type CrmObject, type HubSpotStore, type PropertyInput, UniqueValueConflict } from '../store.ts';
import { publicObject } from './serialize.ts';

const BASE = '/crm/v3/objects/{objectType}';
const MAX_PAGE = 100;

export const objectRoutes: Route[] = [
  route('POST', `${BASE}/search`, search),
  route('GET', BASE, list),
  route('POST', BASE, create),
  route('GET', `${BASE}/{objectId}`, getOne),
  route('PATCH', `${BASE}/{objectId}`, patch),
  route('DELETE', `${BASE}/{objectId}`, remove),
];

function list(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const limit = intParam(ctx.url, 'limit', 10, MAX_PAGE);
  const archived = boolParam(ctx.url, 'archived');
  const after = ctx.url.searchParams.get('after');
  const ids = ctx.store.ids(type);
  // The cursor is the id to start from; ids ascend, so a binary search finds it even if it was archived.
  let start = 0;
  if (after) {
    if (!/^\d+$/.test(after)) throw validationError(`Invalid paging cursor: ${after}`, [{ message: after, in: 'after' }]);
    start = lowerBound(ids, Number(after));
  }
  const results: Record<string, unknown>[] = [];
  const requested = listParam(ctx.url, 'properties');
  const associations = listParam(ctx.url, 'associations');
  const withHistory = listParam(ctx.url, 'propertiesWithHistory');
  // The next page starts at the first matching record after a full page; none means this is the last.
  let nextId: string | undefined;
  for (let i = start; i < ids.length; i++) {
    const id = ids[i];
    const record = id === undefined ? undefined : ctx.store.get(type, id);
    if (record?.archived !== archived) continue;
    if (results.length === limit) {
      nextId = record.id;
      break;
    }
    results.push(publicObject(ctx.store, record, requested, { associations, withHistory }));
  }
  const body: Record<string, unknown> = { results };
  if (nextId !== undefined) {
    const next = new URL(ctx.url.pathname, ctx.baseUrl);
    for (const [k, v] of ctx.url.searchParams) if (k !== 'after') next.searchParams.append(k, v);
    next.searchParams.set('after', nextId);
    body.paging = { next: { after: nextId, link: next.toString() } };
  }
  return { status: 200, body };
}

function lowerBound(ids: readonly string[], target: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Number(ids[mid]) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function getOne(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const record = findLive(ctx, type, boolParam(ctx.url, 'archived'));
  if (!record) throw objectNotFound(ctx);
  const body = publicObject(ctx.store, record, listParam(ctx.url, 'properties'), {
    associations: listParam(ctx.url, 'associations'),
    withHistory: listParam(ctx.url, 'propertiesWithHistory'),
  });
  return { status: 200, body };
}

function create(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const body = objectBody(ctx);
  const properties = propertiesOf(body.properties);
  checkWrite(ctx.store, type, properties);
  const associations = associationInputs(ctx.store, type, body.associations);
  const record = withConflicts(() => ctx.store.create(type, properties, associations, 'INTEGRATION'));
  return { status: 201, body: publicObject(ctx.store, record, undefined, { all: true }) };
}

function patch(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const record = findLive(ctx, type, false);
  if (!record) throw objectNotFound(ctx);
  const properties = propertiesOf(objectBody(ctx).properties);
  checkWrite(ctx.store, type, properties);
  withConflicts(() => ctx.store.update(type, record.id, properties, 'INTEGRATION'));
  return { status: 200, body: publicObject(ctx.store, record, undefined, { all: true }) };
}

function remove(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  // HubSpot answers 204 whether or not the record existed.
  ctx.store.archive(type, pathParam(ctx, 'objectId'));
  return { status: 204 };
}

function search(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const body = objectBody(ctx);
  const request = parseSearchRequest(body);
  const requested = Array.isArray(body.properties) ? (body.properties as string[]) : undefined;
  const { total, records, nextAfter } = runSearch(ctx.store, type, request);
  return {
    status: 200,
    body: {
      total,
      results: records.map((r) => publicObject(ctx.store, r, requested)),
      ...(nextAfter === undefined ? {} : { paging: { next: { after: nextAfter } } }),
    },
  };
}

function findLive(ctx: RequestContext, type: ObjectType, archived: boolean): CrmObject | undefined {
  const id = pathParam(ctx, 'objectId');
  const idProperty = ctx.url.searchParams.get('idProperty');
  const record = idProperty ? ctx.store.findByUnique(type, idProperty, id) : ctx.store.get(type, id);
  return record && record.archived === archived ? record : undefined;
}

function objectNotFound(ctx: RequestContext): StandInError {
  return notFound('Object not found.  objectId are usually numeric.', { id: [ctx.params.objectId ?? ''] });
}

/** The `properties` object of a write body; values must be scalars. */
export function propertiesOf(raw: unknown): PropertyInput {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw validationError('properties must be an object', [{ message: 'expected an object', in: 'properties' }]);
  }
  for (const [k, v] of Object.entries(raw)) {
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) {
      throw validationError(`Property values must be strings`, [{ message: `${k} is not a scalar`, in: k }]);
    }
  }
  return raw as PropertyInput;
}

/** Rejects unknown, read-only or ill-typed property values with one 400 naming each. */
export function checkWrite(store: HubSpotStore, type: ObjectType, properties: PropertyInput): void {
  const problems = store.checkValues(type, properties);
  if (problems.length > 0) {
    const names = problems.map((p) => p.context?.propertyName?.[0]).join(', ');
    throw validationError(`Property values were not valid: ${names}`, problems);
  }
}

export function withConflicts<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof UniqueValueConflict) throw conflict(error.message);
    throw error;
  }
}

/** The `associations` of a create body: `[{ to: { id }, types: [{ associationCategory, associationTypeId }] }]`. */
export function associationInputs(store: HubSpotStore, fromType: ObjectType, raw: unknown): AssociationInput[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    throw validationError('associations must be an array', [{ message: 'expected an array', in: 'associations' }]);
  const out: AssociationInput[] = [];
  for (const [i, a] of raw.entries()) {
    const toId = String(a?.to?.id ?? '');
    for (const t of Array.isArray(a?.types) ? a.types : []) {
      const def = ASSOCIATION_TYPES.get(Number(t?.associationTypeId));
      if (!def || def.from !== fromType) {
        throw validationError(
          `associations[${i}]: association type ${String(t?.associationTypeId)} is not valid from ${fromType}`,
        );
      }
      const target = store.get(def.to, toId);
      if (!target || target.archived) {
        throw validationError(`associations[${i}]: ${def.to} ${toId} does not exist`, [
          { message: `${def.to} ${toId} not found`, in: `associations[${i}].to.id` },
        ]);
      }
      out.push({ toType: def.to, toId, typeId: def.typeId });
    }
  }
  return out;
}
