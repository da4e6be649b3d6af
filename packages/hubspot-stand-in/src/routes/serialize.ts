import { ASSOCIATION_TYPES, type ObjectType, resolveObjectType, v3AssociationName } from '../object-types.ts';
import { DEFAULT_READ_PROPERTIES } from '../property-defs.ts';
import { type CrmObject, type HubSpotStore, iso } from '../store.ts';

/**
 * The public shape of a record. With `requested`, those properties (null when unset, unknown ones
 * ignored); with `all`, every stored value; otherwise the object's default properties.
 */
export function publicObject(
  store: HubSpotStore,
  record: CrmObject,
  requested: string[] | undefined,
  options: { all?: boolean; associations?: string[]; withHistory?: string[] } = {},
): Record<string, unknown> {
  const properties: Record<string, string | null> = {};
  if (options.all) {
    for (const [k, v] of record.properties) properties[k] = v;
  } else {
    const names = requested && requested.length > 0 ? requested : DEFAULT_READ_PROPERTIES[record.type];
    for (const name of new Set([...names, ...DEFAULT_READ_PROPERTIES[record.type].filter(isSystem)])) {
      if (!store.property(record.type, name)) continue;
      properties[name] = record.properties.get(name) ?? null;
    }
  }
  const out: Record<string, unknown> = {
    id: record.id,
    properties,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    archived: record.archived,
    ...(record.archivedAt === undefined ? {} : { archivedAt: iso(record.archivedAt) }),
  };
  if (options.withHistory && options.withHistory.length > 0) {
    // The stand-in keeps only current values: each appears as a one-entry history.
    const history: Record<string, unknown[]> = {};
    for (const name of options.withHistory) {
      const value = record.properties.get(name);
      if (value !== undefined) history[name] = [{ value, timestamp: iso(record.updatedAt), sourceType: 'API' }];
    }
    out.propertiesWithHistory = history;
  }
  if (options.associations && options.associations.length > 0) {
    const associations: Record<string, unknown> = {};
    for (const name of options.associations) {
      const toType = resolveObjectType(name);
      if (!toType) continue;
      const results = v3Associations(store, record.type, record.id, toType);
      if (results.length > 0) associations[toType] = { results };
    }
    out.associations = associations;
  }
  return out;
}

// Timestamps and the id are always returned alongside requested properties, as HubSpot does.
function isSystem(name: string): boolean {
  return name === 'createdate' || name === 'lastmodifieddate' || name === 'hs_lastmodifieddate' || name === 'hs_object_id';
}

function v3Associations(store: HubSpotStore, fromType: ObjectType, fromId: string, toType: ObjectType) {
  const out: Array<{ id: string; type: string }> = [];
  for (const ref of store.associationsOf(fromType, fromId, toType)) {
    for (const typeId of ref.typeIds) {
      const def = ASSOCIATION_TYPES.get(typeId);
      if (def) out.push({ id: ref.toId, type: v3AssociationName(def) });
    }
  }
  return out;
}
