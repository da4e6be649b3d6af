import { type BatchError, batchError, validationError } from '../errors.ts';
import {
  batchInputs,
  batchReply,
  objectBody,
  objectTypeParam,
  type Reply,
  type RequestContext,
  type Route,
  route,
} from '../http.ts';
import { UniqueValueConflict } from '../store.ts';
import { associationInputs, checkWrite, propertiesOf } from './objects.ts';
import { publicObject } from './serialize.ts';

const BASE = '/crm/v3/objects/{objectType}/batch';

export const batchRoutes: Route[] = [
  route('POST', `${BASE}/read`, read),
  route('POST', `${BASE}/create`, create),
  route('POST', `${BASE}/update`, update),
  route('POST', `${BASE}/upsert`, upsert),
  route('POST', `${BASE}/archive`, archive),
];

interface IdInput {
  id?: unknown;
}

function read(ctx: RequestContext): Reply {
  const started = ctx.store.now();
  const type = objectTypeParam(ctx);
  const body = objectBody(ctx);
  const inputs = batchInputs<IdInput>(ctx);
  const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
  if (idProperty && idProperty !== 'hs_object_id' && !ctx.store.isUnique(type, idProperty)) {
    throw validationError(`${idProperty} is not a unique property`, [{ message: 'not unique', in: 'idProperty' }]);
  }
  const requested = Array.isArray(body.properties) ? (body.properties as string[]) : undefined;
  const withHistory = Array.isArray(body.propertiesWithHistory) ? (body.propertiesWithHistory as string[]) : undefined;
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const id = String(input?.id ?? '');
    const record = idProperty ? ctx.store.findByUnique(type, idProperty, id) : ctx.store.get(type, id);
    if (!record || record.archived) missing.push(id);
    else results.push(publicObject(ctx.store, record, requested, { withHistory }));
  }
  const errors = missing.length
    ? [batchError('OBJECT_NOT_FOUND', `Could not get some ${type} objects, they may be deleted or not exist.`, { ids: missing })]
    : [];
  return batchReply(ctx.store, started, results, errors, 200);
}

function create(ctx: RequestContext): Reply {
  const started = ctx.store.now();
  const type = objectTypeParam(ctx);
  const inputs = batchInputs<{ properties?: unknown; associations?: unknown }>(ctx);
  // Invalid values reject the whole batch before anything is written, as HubSpot does.
  const prepared = inputs.map((input) => {
    const properties = propertiesOf(input?.properties);
    checkWrite(ctx.store, type, properties);
    return { properties, associations: associationInputs(ctx.store, type, input?.associations) };
  });
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  for (const { properties, associations } of prepared) {
    try {
      const record = ctx.store.create(type, properties, associations);
      results.push(publicObject(ctx.store, record, undefined, { all: true }));
    } catch (error) {
      if (!(error instanceof UniqueValueConflict)) throw error;
      errors.push(batchError('CONFLICT', error.message, { [error.property]: [error.value] }));
    }
  }
  return batchReply(ctx.store, started, results, errors, 201);
}

function update(ctx: RequestContext): Reply {
  const started = ctx.store.now();
  const type = objectTypeParam(ctx);
  const inputs = batchInputs<{ id?: unknown; idProperty?: unknown; properties?: unknown }>(ctx);
  const seen = new Set<string>();
  const prepared = inputs.map((input) => {
    const id = String(input?.id ?? '');
    if (seen.has(id)) throw validationError(`Duplicate IDs found in batch input: [${id}]. IDs must be unique`);
    seen.add(id);
    const properties = propertiesOf(input?.properties);
    checkWrite(ctx.store, type, properties);
    const idProperty = typeof input?.idProperty === 'string' ? input.idProperty : undefined;
    return { id, idProperty, properties };
  });
  const results: unknown[] = [];
  const missing: string[] = [];
  const errors: BatchError[] = [];
  for (const { id, idProperty, properties } of prepared) {
    const record = idProperty ? ctx.store.findByUnique(type, idProperty, id) : ctx.store.get(type, id);
    if (!record || record.archived) {
      missing.push(id);
      continue;
    }
    try {
      ctx.store.update(type, record.id, properties);
      results.push(publicObject(ctx.store, record, undefined, { all: true }));
    } catch (error) {
      if (!(error instanceof UniqueValueConflict)) throw error;
      errors.push(batchError('CONFLICT', error.message, { ids: [id] }));
    }
  }
  if (missing.length > 0) {
    errors.unshift(batchError('OBJECT_NOT_FOUND', `Could not update some ${type}: they do not exist.`, { ids: missing }));
  }
  return batchReply(ctx.store, started, results, errors, 200);
}

function upsert(ctx: RequestContext): Reply {
  const started = ctx.store.now();
  const type = objectTypeParam(ctx);
  const inputs = batchInputs<{ id?: unknown; idProperty?: unknown; properties?: unknown }>(ctx);
  const prepared = inputs.map((input, i) => {
    const idProperty = typeof input?.idProperty === 'string' ? input.idProperty : 'hs_object_id';
    if (idProperty !== 'hs_object_id' && !ctx.store.isUnique(type, idProperty)) {
      throw validationError(`inputs[${i}].idProperty ${idProperty} is not a unique property`);
    }
    const properties = propertiesOf(input?.properties);
    checkWrite(ctx.store, type, properties);
    return { id: String(input?.id ?? ''), idProperty, properties };
  });
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  for (const { id, idProperty, properties } of prepared) {
    try {
      const existing = ctx.store.findByUnique(type, idProperty, id);
      if (existing && !existing.archived) {
        ctx.store.update(type, existing.id, properties);
        results.push({ ...publicObject(ctx.store, existing, undefined, { all: true }), new: false });
      } else if (idProperty === 'hs_object_id') {
        errors.push(batchError('OBJECT_NOT_FOUND', `No ${type} with id ${id}`, { ids: [id] }));
      } else {
        const record = ctx.store.create(type, { ...properties, [idProperty]: id });
        results.push({ ...publicObject(ctx.store, record, undefined, { all: true }), new: true });
      }
    } catch (error) {
      if (!(error instanceof UniqueValueConflict)) throw error;
      errors.push(batchError('CONFLICT', error.message, { ids: [id] }));
    }
  }
  return batchReply(ctx.store, started, results, errors, 200);
}

function archive(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  for (const input of batchInputs<IdInput>(ctx)) ctx.store.archive(type, String(input?.id ?? ''));
  return { status: 204 };
}
