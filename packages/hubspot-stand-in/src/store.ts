import { type ErrorDetail, validationError } from './errors.ts';
import { ASSOCIATION_TYPES, defaultAssociationType, OBJECT_TYPES, type ObjectType } from './object-types.ts';
import { DEFAULT_DEAL_PIPELINE, makePipeline, type Pipeline, type PipelineInput } from './pipelines.ts';
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
/** Who made a change, as HubSpot's property history reports it. */
export type ChangeSource = 'CRM_UI' | 'INTEGRATION' | 'IMPORT' | 'API';

export interface PropertyChange {
  /** "" when the value was cleared. */
  value: string;
  timestamp: number;
  sourceType: ChangeSource;
}

export interface CrmObject {
  id: string;
  type: ObjectType;
  properties: Map<string, string>;
  /** Each property's changes, oldest first. */
  history: Map<string, PropertyChange[]>;
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

/** Everything the store keeps per object type. */
interface TypeState {
  records: Map<string, CrmObject>;
  /** Ids in ascending order (ids are assigned increasing), for cursor paging without sorting. */
  order: string[];
  /** property name → value → id of the live record holding it. */
  unique: Map<string, Map<string, string>>;
  props: Map<string, PropertyDefinition>;
  groups: Map<string, PropertyGroup>;
  pipelines: Pipeline[];
}

function perType<T>(make: (type: ObjectType) => T): Record<ObjectType, T> {
  return { contacts: make('contacts'), companies: make('companies'), deals: make('deals') };
}

const byNumericId = (a: string, b: string) => Number(a) - Number(b);

/**
 * The stand-in's in-memory CRM. Tests seed and inspect it directly (no HTTP, no validation beyond
 * unique values); the HTTP routes validate first and then call the same methods.
 */
export class HubSpotStore {
  private fixedNow: number | undefined;
  private nextId = 100_001;
  private readonly types: Record<ObjectType, TypeState>;
  private readonly assoc = new Map<string, Map<ObjectType, Map<string, Set<number>>>>();

  constructor() {
    const nowIso = new Date(this.now()).toISOString();
    this.types = perType((type) => ({
      records: new Map(),
      order: [],
      unique: new Map(),
      props: new Map(),
      groups: new Map([[DEFAULT_GROUPS[type], group(DEFAULT_GROUPS[type], 'Information', 0)]]),
      pipelines: [],
    }));
    for (const type of OBJECT_TYPES) {
      for (const def of builtinProperties(type, nowIso)) this.putProperty(type, def);
    }
    this.definePipeline('deals', DEFAULT_DEAL_PIPELINE);
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
    return this.types[type].records.get(id);
  }

  /** Finds a record by a unique property (`email`, `hs_object_id` or one with hasUniqueValue). */
  findByUnique(type: ObjectType, property: string, value: string): CrmObject | undefined {
    if (property === 'hs_object_id') return this.get(type, value);
    const id = this.types[type].unique.get(property)?.get(value);
    return id === undefined ? undefined : this.get(type, id);
  }

  isUnique(type: ObjectType, property: string): boolean {
    return this.types[type].props.get(property)?.hasUniqueValue ?? false;
  }

  /** All ids of a type in ascending order, archived ones included (callers filter). */
  ids(type: ObjectType): readonly string[] {
    return this.types[type].order;
  }

  /** Live (or archived) records of a type, ascending by id. */
  *all(type: ObjectType, archived = false): Generator<CrmObject> {
    const { records, order } = this.types[type];
    for (const id of order) {
      const record = records.get(id);
      if (record !== undefined && record.archived === archived) yield record;
    }
  }

  count(type: ObjectType, archived = false): number {
    let n = 0;
    for (const _ of this.all(type, archived)) n++;
    return n;
  }

  /**
   * Creates a record. `source` marks its property history: tests seeding "HubSpot users' edits" keep
   * the default CRM_UI; the API routes pass INTEGRATION, as HubSpot does for a private app's writes.
   */
  create(
    type: ObjectType,
    properties: PropertyInput,
    associations: AssociationInput[] = [],
    source: ChangeSource = 'CRM_UI',
  ): CrmObject {
    const clash = this.uniqueClash(type, undefined, properties);
    if (clash) throw clash;
    const now = this.now();
    const id = String(this.nextId++);
    const record: CrmObject = {
      id,
      type,
      properties: new Map(),
      history: new Map(),
      createdAt: now,
      updatedAt: now,
      archived: false,
    };
    this.applyValues(record, properties, source);
    record.properties.set('createdate', iso(now));
    record.properties.set('hs_object_id', id);
    this.stamp(record, now);
    this.types[type].records.set(id, record);
    this.types[type].order.push(id);
    for (const a of associations) this.associate(type, id, a.toType, a.toId, a.typeId);
    return record;
  }

  /** Sets properties (null or "" clears one); advances the modified timestamps only when a value changed. */
  update(type: ObjectType, id: string, properties: PropertyInput, source: ChangeSource = 'CRM_UI'): CrmObject {
    const record = this.require(type, id);
    const clash = this.uniqueClash(type, id, properties);
    if (clash) throw clash;
    if (this.applyValues(record, properties, source)) this.stamp(record, this.now());
    return record;
  }

  archive(type: ObjectType, id: string): boolean {
    const record = this.get(type, id);
    if (!record || record.archived) return false;
    record.archived = true;
    record.archivedAt = this.now();
    this.stamp(record, record.archivedAt);
    for (const [prop, index] of this.types[type].unique) {
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

  private applyValues(record: CrmObject, properties: PropertyInput, source: ChangeSource): boolean {
    let changed = false;
    const indexes = this.types[record.type].unique;
    for (const [name, raw] of Object.entries(properties)) {
      if (raw === undefined) continue;
      const value = raw === null ? '' : String(raw);
      const before = record.properties.get(name);
      if ((before ?? '') === value) continue;
      changed = true;
      getOrSet(record.history, name, () => []).push({ value, timestamp: this.now(), sourceType: source });
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
    for (const [name, index] of this.types[type].unique) {
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
      const base = defaultAssociationType(fromType, toType);
      // Every pair with a labelled type has an unlabelled default in object-types.ts.
      if (!base) throw new Error(`No unlabelled association type from ${fromType} to ${toType}`);
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

  // ---- pipelines ---------------------------------------------------------------------------------

  pipelines(type: ObjectType): Pipeline[] {
    return this.types[type].pipelines;
  }

  /** Adds (or replaces, by id) a pipeline with its stages. */
  definePipeline(type: ObjectType, input: PipelineInput): Pipeline {
    const list = this.types[type].pipelines;
    const index = list.findIndex((p) => p.id === input.id);
    const pipeline = makePipeline(input, index >= 0 ? index : list.length, iso(this.now()));
    if (index >= 0) list[index] = pipeline;
    else list.push(pipeline);
    return pipeline;
  }

  // ---- properties --------------------------------------------------------------------------------

  properties(type: ObjectType): PropertyDefinition[] {
    return [...this.types[type].props.values()];
  }
  property(type: ObjectType, name: string): PropertyDefinition | undefined {
    return this.types[type].props.get(name);
  }

  /** Defines (or replaces) a property without the API's validation; for seeding. */
  defineProperty(type: ObjectType, input: MakePropertyInput): PropertyDefinition {
    if (!this.types[type].groups.has(input.groupName)) this.defineGroup(type, input.groupName, input.groupName);
    const def = makeProperty(input, iso(this.now()));
    this.putProperty(type, def);
    return def;
  }

  putProperty(type: ObjectType, def: PropertyDefinition): void {
    const { props, unique } = this.types[type];
    props.set(def.name, def);
    if (def.hasUniqueValue && def.name !== 'hs_object_id' && !unique.has(def.name)) {
      const index = new Map<string, string>();
      for (const record of this.all(type)) {
        const value = record.properties.get(def.name);
        if (value !== undefined) index.set(value, record.id);
      }
      unique.set(def.name, index);
    }
  }

  groupsOf(type: ObjectType): PropertyGroup[] {
    return [...this.types[type].groups.values()];
  }
  hasGroup(type: ObjectType, name: string): boolean {
    return this.types[type].groups.has(name);
  }
  defineGroup(type: ObjectType, name: string, label: string, displayOrder = -1): PropertyGroup {
    const g = group(name, label, displayOrder);
    this.types[type].groups.set(name, g);
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
