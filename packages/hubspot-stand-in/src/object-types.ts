// The three CRM objects the sync uses, their type ids and the association types between them
// (reference: hubspot-api.md, "Objects" and "Associations v4").

export type ObjectType = 'contacts' | 'companies' | 'deals';

export const OBJECT_TYPES: readonly ObjectType[] = ['contacts', 'companies', 'deals'];

export const OBJECT_TYPE_IDS: Record<ObjectType, string> = { contacts: '0-1', companies: '0-2', deals: '0-3' };

const ALIASES: Record<string, ObjectType> = {
  contacts: 'contacts',
  contact: 'contacts',
  '0-1': 'contacts',
  companies: 'companies',
  company: 'companies',
  '0-2': 'companies',
  deals: 'deals',
  deal: 'deals',
  '0-3': 'deals',
};

/** Resolves an object name or type id from a URL (`contacts`, `0-1`, …); undefined when unknown. */
export function resolveObjectType(name: string): ObjectType | undefined {
  return ALIASES[name.toLowerCase()];
}

const SINGULAR: Record<ObjectType, string> = { contacts: 'contact', companies: 'company', deals: 'deal' };

export interface AssociationTypeDef {
  typeId: number;
  from: ObjectType;
  to: ObjectType;
  /** The inverse type, stored on the other object. */
  inverse: number;
  /** HubSpot's built-in label ("Primary") or null for the unlabelled default. */
  label: string | null;
}

// HUBSPOT_DEFINED types: the unlabelled default of each pair, and the "Primary" company label.
const DEFS: AssociationTypeDef[] = [
  { typeId: 279, from: 'contacts', to: 'companies', inverse: 280, label: null },
  { typeId: 280, from: 'companies', to: 'contacts', inverse: 279, label: null },
  { typeId: 1, from: 'contacts', to: 'companies', inverse: 2, label: 'Primary' },
  { typeId: 2, from: 'companies', to: 'contacts', inverse: 1, label: 'Primary' },
  { typeId: 341, from: 'deals', to: 'companies', inverse: 342, label: null },
  { typeId: 342, from: 'companies', to: 'deals', inverse: 341, label: null },
  { typeId: 5, from: 'deals', to: 'companies', inverse: 6, label: 'Primary' },
  { typeId: 6, from: 'companies', to: 'deals', inverse: 5, label: 'Primary' },
  { typeId: 3, from: 'deals', to: 'contacts', inverse: 4, label: null },
  { typeId: 4, from: 'contacts', to: 'deals', inverse: 3, label: null },
];

export const ASSOCIATION_TYPES: ReadonlyMap<number, AssociationTypeDef> = new Map(DEFS.map((d) => [d.typeId, d]));

/** The unlabelled default association type from one object type to another. */
export function defaultAssociationType(from: ObjectType, to: ObjectType): AssociationTypeDef | undefined {
  return DEFS.find((d) => d.from === from && d.to === to && d.label === null);
}

/** The v3 association name shown in object reads, e.g. `contact_to_company` (Primary) or `…_unlabeled`. */
export function v3AssociationName(def: AssociationTypeDef): string {
  const base = `${SINGULAR[def.from]}_to_${SINGULAR[def.to]}`;
  // Contact↔deal has a single type, named without a suffix.
  const hasPrimary = DEFS.some((d) => d.from === def.from && d.to === def.to && d.label === 'Primary');
  return def.label === null && hasPrimary ? `${base}_unlabeled` : base;
}
