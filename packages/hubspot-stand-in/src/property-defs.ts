import type { ObjectType } from './object-types.ts';

export const PROPERTY_TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool', 'phone_number'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export const FIELD_TYPES = [
  'booleancheckbox',
  'calculation_equation',
  'checkbox',
  'date',
  'file',
  'html',
  'number',
  'phonenumber',
  'radio',
  'select',
  'text',
  'textarea',
] as const;

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

/** A property definition as the Properties API returns it. */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  hubspotDefined: boolean;
  calculated: boolean;
  externalOptions: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

type Builtin = [name: string, type: PropertyType, fieldType: string, readOnly?: boolean, unique?: boolean];

// HubSpot's own properties the sync reads; timestamps are read-only and kept by the store.
const BUILTINS: Record<ObjectType, Builtin[]> = {
  contacts: [
    ['firstname', 'string', 'text'],
    ['lastname', 'string', 'text'],
    ['email', 'string', 'text', false, true],
    ['jobtitle', 'string', 'text'],
    ['phone', 'string', 'phonenumber'],
    ['company', 'string', 'text'],
    ['associatedcompanyid', 'number', 'number'],
    ['createdate', 'datetime', 'date', true],
    ['lastmodifieddate', 'datetime', 'date', true],
    ['hs_object_id', 'number', 'number', true, true],
  ],
  companies: [
    ['name', 'string', 'text'],
    ['domain', 'string', 'text'],
    ['website', 'string', 'text'],
    ['industry', 'string', 'text'],
    ['createdate', 'datetime', 'date', true],
    ['hs_lastmodifieddate', 'datetime', 'date', true],
    ['hs_object_id', 'number', 'number', true, true],
  ],
  deals: [
    ['dealname', 'string', 'text'],
    ['amount', 'number', 'number'],
    ['closedate', 'datetime', 'date'],
    ['pipeline', 'enumeration', 'select'],
    ['dealstage', 'enumeration', 'select'],
    ['deal_currency_code', 'string', 'text'],
    ['createdate', 'datetime', 'date', true],
    ['hs_lastmodifieddate', 'datetime', 'date', true],
    ['hs_object_id', 'number', 'number', true, true],
  ],
};

export const DEFAULT_GROUPS: Record<ObjectType, string> = {
  contacts: 'contactinformation',
  companies: 'companyinformation',
  deals: 'dealinformation',
};

/** Properties returned when a read names none (reference: "Default properties"). */
export const DEFAULT_READ_PROPERTIES: Record<ObjectType, string[]> = {
  contacts: ['firstname', 'lastname', 'email', 'createdate', 'lastmodifieddate', 'hs_object_id'],
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  deals: ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};

/** The property each object's last-modified search runs on. */
export const LAST_MODIFIED_PROPERTY: Record<ObjectType, string> = {
  contacts: 'lastmodifieddate',
  companies: 'hs_lastmodifieddate',
  deals: 'hs_lastmodifieddate',
};

export function builtinProperties(objectType: ObjectType, nowIso: string): PropertyDefinition[] {
  return BUILTINS[objectType].map(([name, type, fieldType, readOnly = false, unique = false], i) =>
    makeProperty(
      {
        name,
        label: name,
        type,
        fieldType,
        groupName: DEFAULT_GROUPS[objectType],
        hasUniqueValue: unique,
        hubspotDefined: true,
        readOnlyValue: readOnly,
        displayOrder: i,
      },
      nowIso,
    ),
  );
}

export interface MakePropertyInput {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description?: string;
  options?: Array<Partial<PropertyOption> & { label: string; value: string }>;
  displayOrder?: number;
  hasUniqueValue?: boolean;
  hidden?: boolean;
  formField?: boolean;
  hubspotDefined?: boolean;
  readOnlyValue?: boolean;
}

export function makeProperty(input: MakePropertyInput, nowIso: string): PropertyDefinition {
  return {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    groupName: input.groupName,
    description: input.description ?? '',
    options: (input.options ?? []).map((o, i) => ({
      label: o.label,
      value: o.value,
      displayOrder: o.displayOrder ?? i,
      hidden: o.hidden ?? false,
      ...(o.description === undefined ? {} : { description: o.description }),
    })),
    displayOrder: input.displayOrder ?? -1,
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    formField: input.formField ?? false,
    hubspotDefined: input.hubspotDefined ?? false,
    calculated: false,
    externalOptions: false,
    archived: false,
    createdAt: nowIso,
    updatedAt: nowIso,
    modificationMetadata: {
      archivable: !input.hubspotDefined,
      readOnlyDefinition: input.hubspotDefined ?? false,
      readOnlyValue: input.readOnlyValue ?? false,
    },
  };
}
