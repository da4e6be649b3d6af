import { batchError, conflict, type ErrorDetail, notFound, validationError } from '../errors.ts';
import {
  batchInputs,
  batchReply,
  boolParam,
  objectBody,
  objectTypeParam,
  pathParam,
  type Reply,
  type RequestContext,
  type Route,
  route,
} from '../http.ts';
import type { ObjectType } from '../object-types.ts';
import {
  FIELD_TYPES,
  type MakePropertyInput,
  makeProperty,
  PROPERTY_TYPES,
  type PropertyDefinition,
  type PropertyType,
} from '../property-defs.ts';
import { type HubSpotStore, iso } from '../store.ts';

const BASE = '/crm/v3/properties/{objectType}';

export const propertyRoutes: Route[] = [
  route('GET', `${BASE}/groups`, listGroups),
  route('POST', `${BASE}/groups`, createGroup),
  route('POST', `${BASE}/batch/read`, batchRead),
  route('POST', `${BASE}/batch/create`, batchCreate),
  route('GET', BASE, list),
  route('POST', BASE, create),
  route('GET', `${BASE}/{propertyName}`, getOne),
  route('PATCH', `${BASE}/{propertyName}`, patch),
];

function list(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const archived = boolParam(ctx.url, 'archived');
  return { status: 200, body: { results: ctx.store.properties(type).filter((p) => p.archived === archived) } };
}

function getOne(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const name = pathParam(ctx, 'propertyName');
  const def = ctx.store.property(type, name);
  if (!def || def.archived) throw notFound(`Unable to find property ${name} on ${type}`, { propertyName: [name] });
  return { status: 200, body: def };
}

function create(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const input = parseCreate(ctx.store, type, objectBody(ctx));
  if (ctx.store.property(type, input.name)) throw conflict(`Property named '${input.name}' already exists.`);
  const def = ctx.store.defineProperty(type, input);
  return { status: 201, body: def };
}

function patch(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const name = pathParam(ctx, 'propertyName');
  const existing = ctx.store.property(type, name);
  if (!existing || existing.archived) throw notFound(`Unable to find property ${name} on ${type}`, { propertyName: [name] });
  if (existing.hubspotDefined) throw validationError(`${name} is a HubSpot-defined property and cannot be changed`);
  const body = objectBody(ctx);
  // Only the fields a PropertyUpdate may carry; name and hasUniqueValue are fixed after creation.
  const merged = parseCreate(ctx.store, type, { ...existing, ...pick(body, UPDATABLE), name });
  const updated: PropertyDefinition = { ...makeProperty(merged, existing.createdAt), updatedAt: iso(ctx.store.now()) };
  ctx.store.putProperty(type, updated);
  return { status: 200, body: updated };
}

const UPDATABLE = ['label', 'type', 'fieldType', 'groupName', 'description', 'options', 'displayOrder', 'hidden', 'formField'];

function pick(body: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
}

function batchRead(ctx: RequestContext): Reply {
  const started = ctx.store.now();
  const type = objectTypeParam(ctx);
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const input of batchInputs<{ name?: unknown }>(ctx)) {
    const def = ctx.store.property(type, String(input?.name ?? ''));
    if (def && !def.archived) results.push(def);
    else missing.push(String(input?.name ?? ''));
  }
  const errors = missing.length
    ? [batchError('OBJECT_NOT_FOUND', `Unable to find properties on ${type}`, { names: missing })]
    : [];
  return batchReply(ctx.store, started, results, errors, 200);
}

function batchCreate(ctx: RequestContext): Reply {
  const started = ctx.store.now();
  const type = objectTypeParam(ctx);
  const inputs = batchInputs<Record<string, unknown>>(ctx).map((raw) => parseCreate(ctx.store, type, raw ?? {}));
  const results: unknown[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    if (ctx.store.property(type, input.name)) {
      errors.push(batchError('CONFLICT', `Property named '${input.name}' already exists.`, { name: [input.name] }));
    } else {
      results.push(ctx.store.defineProperty(type, input));
    }
  }
  return batchReply(ctx.store, started, results, errors, 201);
}

function listGroups(ctx: RequestContext): Reply {
  return { status: 200, body: { results: ctx.store.groupsOf(objectTypeParam(ctx)) } };
}

function createGroup(ctx: RequestContext): Reply {
  const type = objectTypeParam(ctx);
  const body = objectBody(ctx);
  if (typeof body.name !== 'string' || typeof body.label !== 'string') {
    throw validationError('name and label are required', [{ message: 'required', in: 'name' }]);
  }
  if (ctx.store.hasGroup(type, body.name)) throw conflict(`Property group '${body.name}' already exists.`);
  const displayOrder = typeof body.displayOrder === 'number' ? body.displayOrder : -1;
  return { status: 201, body: ctx.store.defineGroup(type, body.name, body.label, displayOrder) };
}

/** Validates a PropertyCreate body: required fields, known type and fieldType, an existing group, options. */
function parseCreate(store: HubSpotStore, objectType: ObjectType, body: Record<string, unknown>): MakePropertyInput {
  const problems: ErrorDetail[] = [];
  const need = (field: string) => {
    if (typeof body[field] !== 'string' || body[field] === '')
      problems.push({ message: `${field} is required`, in: field, code: 'REQUIRED' });
  };
  for (const field of ['name', 'label', 'type', 'fieldType', 'groupName']) need(field);
  const name = String(body.name ?? '');
  if (name && !/^[a-z][a-z0-9_]*$/.test(name)) {
    problems.push({
      message: 'name must start with a lowercase letter and use only a-z, 0-9 and _',
      in: 'name',
      code: 'INVALID_NAME',
    });
  }
  if (typeof body.type === 'string' && !(PROPERTY_TYPES as readonly string[]).includes(body.type)) {
    problems.push({ message: `type must be one of ${PROPERTY_TYPES.join(', ')}`, in: 'type', code: 'INVALID_ENUM' });
  }
  if (typeof body.fieldType === 'string' && !(FIELD_TYPES as readonly string[]).includes(body.fieldType)) {
    problems.push({ message: `fieldType must be one of ${FIELD_TYPES.join(', ')}`, in: 'fieldType', code: 'INVALID_ENUM' });
  }
  if (typeof body.groupName === 'string' && body.groupName && !store.hasGroup(objectType, body.groupName)) {
    problems.push({ message: `property group ${body.groupName} does not exist`, in: 'groupName', code: 'GROUP_NOT_FOUND' });
  }
  const options = body.options === undefined ? [] : body.options;
  if (!Array.isArray(options) || options.some((o) => typeof o?.label !== 'string' || typeof o?.value !== 'string')) {
    problems.push({ message: 'options must be a list of { label, value }', in: 'options' });
  } else if (body.type === 'enumeration' && options.length === 0) {
    problems.push({ message: 'enumeration properties need at least one option', in: 'options', code: 'REQUIRED' });
  }
  if (problems.length > 0) throw validationError(`Property is not valid: ${problems.map((p) => p.message).join('; ')}`, problems);
  return {
    name,
    label: String(body.label),
    type: body.type as PropertyType,
    fieldType: String(body.fieldType),
    groupName: String(body.groupName),
    description: typeof body.description === 'string' ? body.description : undefined,
    options: options as MakePropertyInput['options'],
    displayOrder: typeof body.displayOrder === 'number' ? body.displayOrder : undefined,
    hasUniqueValue: body.hasUniqueValue === true,
    hidden: body.hidden === true,
    formField: body.formField === true,
  };
}
