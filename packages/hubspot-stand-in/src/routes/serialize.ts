import { ASSOCIATION_TYPES, type ObjectType, resolveObjectType, v3AssociationName } from '../object-types.ts';
import { DEFAULT_READ_PROPERTIES } from '../property-defs.ts';
import { type CrmObject, type HubSpotStore, iso } from '../store.ts';

/** Associations listed inline with a record, per type; more come with `paging.next`. */
export const INLINE_ASSOCIATIONS_PAGE = 100;

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
    // Newest first, as HubSpot lists it.
    const history: Record<string, unknown[]> = {};
    for (const name of options.withHistory) {
      const changes = record.history.get(name);
      if (!changes) continue;
      history[name] = changes.map((c) => ({ value: c.value, timestamp: iso(c.timestamp), sourceType: c.sourceType })).reverse();
    }
    out.propertiesWithHistory = history;
  }
  if (options.associations && options.associations.length > 0) {
    const associations: Record<string, unknown> = {};
    for (const name of options.associations) {
      const toType = resolveObjectType(name);
      if (!toType) continue;
      const results = v3Associations(store, record.type, record.id, toType);
      if (results.length === 0) continue;
      // HubSpot returns at most 100 inline; the rest are read from the associations endpoints.
      associations[toType] =
        results.length > INLINE_ASSOCIATIONS_PAGE
          ? {
              results: results.slice(0, INLINE_ASSOCIATIONS_PAGE),
              paging: { next: { after: String(INLINE_ASSOCIATIONS_PAGE) } },
            }
          : { results };
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
