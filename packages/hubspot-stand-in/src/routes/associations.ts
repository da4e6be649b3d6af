import { batchError, notFound, validationError } from '../errors.ts';
import {
  batchInputs,
  batchReply,
  intParam,
  objectTypeParam,
  type Reply,
  type RequestContext,
  type Route,
  rawPathParam,
  route,
} from '../http.ts';
import { ASSOCIATION_TYPES, defaultAssociationType, OBJECT_TYPE_IDS, type ObjectType } from '../object-types.ts';
import type { AssociatedRef, HubSpotStore } from '../store.ts';

const OBJ = '/crm/v4/objects/{fromType}/{fromId}/associations';
const BATCH = '/crm/v4/associations/{fromType}/{toType}/batch';
const MAX_PAGE = 500;
/** Associated records per input in a batch read; the rest come with `paging.next.after` for that input. */
export const BATCH_READ_PAGE = 500;

export const associationRoutes: Route[] = [
  route('GET', `${OBJ}/{toType}`, list),
  route('PUT', `${OBJ}/default/{toType}/{toId}`, putDefault),
  route('PUT', `${OBJ}/{toType}/{toId}`, putLabelled),
  route('DELETE', `${OBJ}/{toType}/{toId}`, remove),
  route('POST', `${BATCH}/read`, batchRead),
  route('POST', `${BATCH}/associate/default`, batchAssociateDefault),
  route('POST', `${BATCH}/archive`, batchArchive),
];

/**
 * The v4 shape of one associated record. As HubSpot sends it (reference: `{"toObjectId":123, …,
 * "label":null}`): the id is a JSON number and an unlabelled type has label null, although the
 * generated OpenAPI document and the v13 client's types say string. A sync must normalise both.
 */
function multiAssociated(ref: AssociatedRef) {
  return {
    toObjectId: Number(ref.toId),
    associationTypes: ref.typeIds.map((typeId) => ({
      category: 'HUBSPOT_DEFINED',
      typeId,
      label: ASSOCIATION_TYPES.get(typeId)?.label ?? null,
    })),
  };
}

function types(ctx: RequestContext): { fromType: ObjectType; toType: ObjectType } {
  return { fromType: objectTypeParam(ctx, 'fromType'), toType: objectTypeParam(ctx, 'toType') };
}

function requireLive(store: HubSpotStore, type: ObjectType, id: string): void {
  const record = store.get(type, id);
  if (!record || record.archived) throw notFound(`No ${type} with id ${id}`, { id: [id] });
}

function list(ctx: RequestContext): Reply {
  const { fromType, toType } = types(ctx);
  const fromId = rawPathParam(ctx, 'fromId');
  requireLive(ctx.store, fromType, fromId);
  const limit = intParam(ctx.url, 'limit', MAX_PAGE, MAX_PAGE);
  const after = Number(ctx.url.searchParams.get('after') ?? '0');
  if (!Number.isInteger(after) || after < 0) throw validationError('after must be a cursor from a previous page');
  const refs = ctx.store.associationsOf(fromType, fromId, toType);
  const page = refs.slice(after, after + limit).map(multiAssociated);
  const body: Record<string, unknown> = { results: page };
  if (after + limit < refs.length) {
    const next = new URL(ctx.url.pathname, ctx.baseUrl);
    next.searchParams.set('after', String(after + limit));
    body.paging = { next: { after: String(after + limit), link: next.toString() } };
  }
  return { status: 200, body };
}

function putDefault(ctx: RequestContext): Reply {
  const started = ctx.store.now();
  const { fromType, toType } = types(ctx);
  const { fromId, toId } = ctx.params as { fromId: string; toId: string };
  requireLive(ctx.store, fromType, fromId);
  requireLive(ctx.store, toType, toId);
  const def = defaultAssociationType(fromType, toType);
  if (!def) throw validationError(`No default association from ${fromType} to ${toType}`);
  ctx.store.associate(fromType, fromId, toType, toId);
  const spec = { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: def.typeId };
  const results = [{ from: { id: fromId }, to: { id: toId }, associationSpec: spec }];
  return batchReply(ctx.store, started, results, [], 200);
}

function putLabelled(ctx: RequestContext): Reply {
  const { fromType, toType } = types(ctx);
  const { fromId, toId } = ctx.params as { fromId: string; toId: string };
  requireLive(ctx.store, fromType, fromId);
  requireLive(ctx.store, toType, toId);
  if (!Array.isArray(ctx.body) || ctx.body.length === 0) {
    throw validationError('Body must be an array of { associationCategory, associationTypeId }');
  }
  for (const spec of ctx.body as Array<{ associationTypeId?: unknown }>) {
    ctx.store.associate(fromType, fromId, toType, toId, Number(spec?.associationTypeId));
  }
  const ref = ctx.store.associationsOf(fromType, fromId, toType).find((r) => r.toId === toId);
  const labels = (ref?.typeIds ?? []).flatMap((t) => ASSOCIATION_TYPES.get(t)?.label ?? []);
  return {
    status: 201,
    body: {
      fromObjectTypeId: OBJECT_TYPE_IDS[fromType],
      fromObjectId: fromId,
      toObjectTypeId: OBJECT_TYPE_IDS[toType],
      toObjectId: toId,
      labels,
    },
  };
}

function remove(ctx: RequestContext): Reply {
  const { fromType, toType } = types(ctx);
  ctx.store.dissociate(fromType, rawPathParam(ctx, 'fromId'), toType, rawPathParam(ctx, 'toId'));
  return { status: 204 };
}

function batchRead(ctx: RequestContext): Reply {
  const started = ctx.store.now();
  const { fromType, toType } = types(ctx);
  const inputs = batchInputs<{ id?: unknown; after?: unknown }>(ctx, 1000);
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    const id = String(input?.id ?? '');
    const after = input?.after === undefined ? 0 : Number(input.after);
    if (!Number.isInteger(after) || after < 0)
      throw validationError(`after of input ${id} must be a cursor from a previous page`);
    const refs = ctx.store.associationsOf(fromType, id, toType);
    // HubSpot reports an input with no associations as a per-input error, not as an empty list.
    if (refs.length === 0) {
      errors.push(batchError('OBJECT_NOT_FOUND', `No ${toType} is associated with ${fromType} ${id}.`, { fromObjectId: [id] }));
      continue;
    }
    // A record with many associations is read in pages: the input again, with the `after` given here.
    const result: Record<string, unknown> = { from: { id }, to: refs.slice(after, after + BATCH_READ_PAGE).map(multiAssociated) };
    if (after + BATCH_READ_PAGE < refs.length) {
      const link = new URL(ctx.url.pathname, ctx.baseUrl).toString();
      result.paging = { next: { after: String(after + BATCH_READ_PAGE), link } };
    }
    results.push(result);
  }
  return batchReply(ctx.store, started, results, errors, 200);
}

function batchAssociateDefault(ctx: RequestContext): Reply {
  const started = ctx.store.now();
  const { fromType, toType } = types(ctx);
  const def = defaultAssociationType(fromType, toType);
  if (!def) throw validationError(`No default association from ${fromType} to ${toType}`);
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of batchInputs<{ from?: { id?: unknown }; to?: { id?: unknown } }>(ctx, 2000)) {
    const fromId = String(input?.from?.id ?? '');
    const toId = String(input?.to?.id ?? '');
    if (ctx.store.associate(fromType, fromId, toType, toId)) {
      const spec = { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: def.typeId };
      results.push({ from: { id: fromId }, to: { id: toId }, associationSpec: spec });
    } else {
      errors.push(
        batchError('OBJECT_NOT_FOUND', `${fromType} ${fromId} or ${toType} ${toId} does not exist`, { ids: [fromId, toId] }),
      );
    }
  }
  return batchReply(ctx.store, started, results, errors, 200);
}

function batchArchive(ctx: RequestContext): Reply {
  const { fromType, toType } = types(ctx);
  for (const input of batchInputs<{ from?: { id?: unknown }; to?: Array<{ id?: unknown }> }>(ctx, 2000)) {
    const fromId = String(input?.from?.id ?? '');
    for (const to of Array.isArray(input?.to) ? input.to : [])
      ctx.store.dissociate(fromType, fromId, toType, String(to?.id ?? ''));
  }
  return { status: 204 };
}
