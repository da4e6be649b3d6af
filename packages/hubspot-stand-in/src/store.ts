import { type ErrorDetail, validationError } from './errors.ts';
import { ASSOCIATION_TYPES, defaultAssociationType, OBJECT_TYPES, type ObjectType } from './object-types.ts';
import {
  builtinProperties,
  DEFAULT_GROUPS,
  LAST_MODIFIED_PROPERTY,
  type MakePropertyInput,
  makeProperty,
  type PropertyDefinition,
  type PropertyGroup,
} from './property-defs.ts';

/** One stored CRM record. Property values are strings, as HubSpot keeps them. */
export interface CrmObject {
  id: string;
  type: ObjectType;
  properties: Map<string, string>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}

export type PropertyInput = Record<string, string | number | boolean | null | undefined>;

export interface AssociationInput {
  toType: ObjectType;
  toId: string;
  /** Defaults to the unlabelled type of the pair (e.g. 279 contact→company). */
  typeId?: number;
}

export interface AssociatedRef {
  toId: string;
  typeIds: number[];
}

const byNumericId = (a: string, b: string) => Number(a) - Number(b);

/**
 * The stand-in's in-memory CRM. Tests seed and inspect it directly (no HTTP, no validation beyond
 * unique values); the HTTP routes validate first and then call the same methods.
 */
export class HubSpotStore {
  private fixedNow: number | undefined;
  private nextId = 100_001;
  private readonly records = new Map<ObjectType, Map<string, CrmObject>>();
  // Ids in ascending order (ids are assigned increasing), for cursor paging without sorting.
  private readonly order = new Map<ObjectType, string[]>();
  private readonly unique = new Map<ObjectType, Map<string, Map<string, string>>>();
  private readonly props = new Map<ObjectType, Map<string, PropertyDefinition>>();
  private readonly groups = new Map<ObjectType, Map<string, PropertyGroup>>();
  private readonly assoc = new Map<string, Map<ObjectType, Map<string, Set<number>>>>();

  constructor() {
    const nowIso = new Date(this.now()).toISOString();
    for (const type of OBJECT_TYPES) {
      this.records.set(type, new Map());
      this.order.set(type, []);
      this.unique.set(type, new Map());
      this.props.set(type, new Map());
      this.groups.set(type, new Map([[DEFAULT_GROUPS[type], group(DEFAULT_GROUPS[type], 'Information', 0)]]));
      for (const def of builtinProperties(type, nowIso)) this.putProperty(type, def);
    }
  }

  // ---- clock -------------------------------------------------------------------------------------

  /** Milliseconds since the epoch: the fixed time after `setNow`, else the real clock. */
  now(): number {
    return this.fixedNow ?? Date.now();
  }
  setNow(ms: number): void {
    this.fixedNow = ms;
  }
  advance(ms: number): void {
    this.fixedNow = this.now() + ms;
  }
  useRealClock(): void {
    this.fixedNow = undefined;
  }

  // ---- objects -----------------------------------------------------------------------------------

  get(type: ObjectType, id: string): CrmObject | undefined {
    return this.records.get(type)!.get(id);
  }

  /** Finds a record by a unique property (`email`, `hs_object_id` or one with hasUniqueValue). */
  findByUnique(type: ObjectType, property: string, value: string): CrmObject | undefined {
    if (property === 'hs_object_id') return this.get(type, value);
    const id = this.unique.get(type)!.get(property)?.get(value);
    return id === undefined ? undefined : this.get(type, id);
  }

  isUnique(type: ObjectType, property: string): boolean {
    return this.props.get(type)!.get(property)?.hasUniqueValue ?? false;
  }

  /** All ids of a type in ascending order, archived ones included (callers filter). */
  ids(type: ObjectType): readonly string[] {
    return this.order.get(type)!;
  }

  /** Live (or archived) records of a type, ascending by id. */
  *all(type: ObjectType, archived = false): Generator<CrmObject> {
    const map = this.records.get(type)!;
    for (const id of this.order.get(type)!) {
      const record = map.get(id)!;
      if (record.archived === archived) yield record;
    }
  }

  count(type: ObjectType, archived = false): number {
    let n = 0;
    for (const _ of this.all(type, archived)) n++;
    return n;
  }

  create(type: ObjectType, properties: PropertyInput, associations: AssociationInput[] = []): CrmObject {
    const clash = this.uniqueClash(type, undefined, properties);
    if (clash) throw clash;
    const now = this.now();
    const id = String(this.nextId++);
    const record: CrmObject = { id, type, properties: new Map(), createdAt: now, updatedAt: now, archived: false };
    this.applyValues(record, properties);
    record.properties.set('createdate', iso(now));
    record.properties.set('hs_object_id', id);
    this.stamp(record, now);
    this.records.get(type)!.set(id, record);
    this.order.get(type)!.push(id);
    for (const a of associations) this.associate(type, id, a.toType, a.toId, a.typeId);
    return record;
  }

  /** Sets properties (null or "" clears one); advances the modified timestamps only when a value changed. */
  update(type: ObjectType, id: string, properties: PropertyInput): CrmObject {
    const record = this.require(type, id);
    const clash = this.uniqueClash(type, id, properties);
    if (clash) throw clash;
    if (this.applyValues(record, properties)) this.stamp(record, this.now());
    return record;
  }

  archive(type: ObjectType, id: string): boolean {
    const record = this.get(type, id);
    if (!record || record.archived) return false;
    record.archived = true;
    record.archivedAt = this.now();
    this.stamp(record, record.archivedAt);
    for (const [prop, index] of this.unique.get(type)!) {
      const value = record.properties.get(prop);
      if (value !== undefined && index.get(value) === id) index.delete(value);
    }
    return true;
  }

  private require(type: ObjectType, id: string): CrmObject {
    const record = this.get(type, id);
    if (!record || record.archived) throw validationError(`No ${type} with id ${id}`);
    return record;
  }

  private stamp(record: CrmObject, at: number): void {
    record.updatedAt = at;
    record.properties.set(LAST_MODIFIED_PROPERTY[record.type], iso(at));
  }

  private applyValues(record: CrmObject, properties: PropertyInput): boolean {
    let changed = false;
    const indexes = this.unique.get(record.type)!;
    for (const [name, raw] of Object.entries(properties)) {
      if (raw === undefined) continue;
      const value = raw === null ? '' : String(raw);
      const before = record.properties.get(name);
      if ((before ?? '') === value) continue;
      changed = true;
      const index = indexes.get(name);
      if (before !== undefined && index?.get(before) === record.id) index.delete(before);
      if (value === '') record.properties.delete(name);
      else {
        record.properties.set(name, value);
        index?.set(value, record.id);
      }
    }
    return changed;
  }

  /** A 409-style error when a unique property value already belongs to another live record. */
  private uniqueClash(type: ObjectType, selfId: string | undefined, properties: PropertyInput) {
    for (const [name, index] of this.unique.get(type)!) {
      const raw = properties[name];
      if (raw === undefined || raw === null || raw === '') continue;
      const owner = index.get(String(raw));
      if (owner !== undefined && owner !== selfId) {
        return new UniqueValueConflict(type, name, String(raw), owner);
      }
    }
    return undefined;
  }

  // ---- associations ------------------------------------------------------------------------------

  /** Associates two records in both directions; returns false when either record is missing. */
  associate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, typeId?: number): boolean {
    const def = typeId === undefined ? defaultAssociationType(fromType, toType) : ASSOCIATION_TYPES.get(typeId);
    if (!def || def.from !== fromType || def.to !== toType) {
      throw validationError(`Association type ${typeId ?? 'default'} is not valid from ${fromType} to ${toType}`);
    }
    if (!this.live(fromType, fromId) || !this.live(toType, toId)) return false;
    this.link(fromType, fromId, toType, toId).add(def.typeId);
    this.link(toType, toId, fromType, fromId).add(def.inverse);
    // A labelled association always carries the unlabelled one too, as in HubSpot.
    if (def.label !== null) {
      const base = defaultAssociationType(fromType, toType)!;
      this.link(fromType, fromId, toType, toId).add(base.typeId);
      this.link(toType, toId, fromType, fromId).add(base.inverse);
    }
    return true;
  }

  /** Removes every association type between two records (both directions). */
  dissociate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): void {
    this.assoc.get(key(fromType, fromId))?.get(toType)?.delete(toId);
    this.assoc.get(key(toType, toId))?.get(fromType)?.delete(fromId);
  }

  /** Associated records of one type, ascending by id; archived targets are left out. */
  associationsOf(fromType: ObjectType, fromId: string, toType: ObjectType): AssociatedRef[] {
    const targets = this.assoc.get(key(fromType, fromId))?.get(toType);
    if (!targets) return [];
    const out: AssociatedRef[] = [];
    for (const [toId, types] of targets) {
      if (types.size > 0 && this.live(toType, toId)) out.push({ toId, typeIds: [...types].sort((a, b) => a - b) });
    }
    return out.sort((a, b) => byNumericId(a.toId, b.toId));
  }

  private live(type: ObjectType, id: string): boolean {
    const record = this.get(type, id);
    return record !== undefined && !record.archived;
  }

  private link(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): Set<number> {
    const byType = getOrSet(this.assoc, key(fromType, fromId), () => new Map<ObjectType, Map<string, Set<number>>>());
    const byId = getOrSet(byType, toType, () => new Map<string, Set<number>>());
    return getOrSet(byId, toId, () => new Set<number>());
  }

  // ---- properties --------------------------------------------------------------------------------

  properties(type: ObjectType): PropertyDefinition[] {
    return [...this.props.get(type)!.values()];
  }
  property(type: ObjectType, name: string): PropertyDefinition | undefined {
    return this.props.get(type)!.get(name);
  }

  /** Defines (or replaces) a property without the API's validation; for seeding. */
  defineProperty(type: ObjectType, input: MakePropertyInput): PropertyDefinition {
    if (!this.groups.get(type)!.has(input.groupName)) this.defineGroup(type, input.groupName, input.groupName);
    const def = makeProperty(input, iso(this.now()));
    this.putProperty(type, def);
    return def;
  }

  putProperty(type: ObjectType, def: PropertyDefinition): void {
    this.props.get(type)!.set(def.name, def);
    if (def.hasUniqueValue && def.name !== 'hs_object_id' && !this.unique.get(type)!.has(def.name)) {
      const index = new Map<string, string>();
      for (const record of this.all(type)) {
        const value = record.properties.get(def.name);
        if (value !== undefined) index.set(value, record.id);
      }
      this.unique.get(type)!.set(def.name, index);
    }
  }

  groupsOf(type: ObjectType): PropertyGroup[] {
    return [...this.groups.get(type)!.values()];
  }
  hasGroup(type: ObjectType, name: string): boolean {
    return this.groups.get(type)!.has(name);
  }
  defineGroup(type: ObjectType, name: string, label: string, displayOrder = -1): PropertyGroup {
    const g = group(name, label, displayOrder);
    this.groups.get(type)!.set(name, g);
    return g;
  }

  /**
   * Checks property values the way HubSpot does on writes: the property must exist and be writable,
   * numbers numeric, bools true/false, enumerations one of their options. Returns one detail per problem.
   */
  checkValues(type: ObjectType, properties: PropertyInput): ErrorDetail[] {
    const problems: ErrorDetail[] = [];
    for (const [name, raw] of Object.entries(properties)) {
      if (raw === undefined || raw === null || raw === '') continue;
      const def = this.property(type, name);
      const value = String(raw);
      if (!def || def.archived) {
        problems.push(detail(`Property "${name}" does not exist`, 'PROPERTY_DOESNT_EXIST', name));
      } else if (def.modificationMetadata.readOnlyValue) {
        problems.push(detail(`"${name}" is a read only property; its value cannot be set.`, 'READ_ONLY_VALUE', name));
      } else if (def.type === 'number' && !Number.isFinite(Number(value))) {
        problems.push(detail(`${value} was not a valid number.`, 'INVALID_DECIMAL', name));
      } else if (def.type === 'bool' && value !== 'true' && value !== 'false') {
        problems.push(detail(`${value} was not a valid boolean (true or false).`, 'INVALID_BOOLEAN', name));
      } else if (def.type === 'enumeration' && def.options.length > 0 && !def.options.some((o) => o.value === value)) {
        const allowed = def.options.map((o) => o.value).join(', ');
        problems.push(detail(`${value} was not one of the allowed options: [${allowed}]`, 'INVALID_OPTION', name));
      }
    }
    return problems;
  }
}

/** Thrown when a write would give two live records the same unique value (e.g. contact email). */
export class UniqueValueConflict extends Error {
  constructor(
    readonly objectType: ObjectType,
    readonly property: string,
    readonly value: string,
    readonly existingId: string,
  ) {
    super(`A record of ${objectType} with ${property}=${value} already exists. Existing ID: ${existingId}`);
  }
}

function detail(message: string, code: string, name: string): ErrorDetail {
  return { message, code, context: { propertyName: [name] } };
}

function group(name: string, label: string, displayOrder: number): PropertyGroup {
  return { name, label, displayOrder, archived: false };
}

function getOrSet<K, V>(map: Map<K, V>, k: K, make: () => V): V {
  let value = map.get(k);
  if (value === undefined) {
    value = make();
    map.set(k, value);
  }
  return value;
}

const key = (type: ObjectType, id: string) => `${type}:${id}`;
export const iso = (ms: number) => new Date(ms).toISOString();
