import { comparisonKind, type FieldKind, PARTNER_GRID_FIELDS, type PartnerGridField } from '@ptrack/catalog';

export type { FieldKind };

/**
 * The columns of the partner grid a view can filter, sort and show — exactly the scalar columns of
 * the partner list query in storage (the catalog's PARTNER_GRID_FIELDS), by how each compares. Text
 * compares ignoring case, by code point; dates are `YYYY-MM-DD`; instants are ISO 8601 strings.
 * (`tier12RepNames`, a list, is in every row but is neither filterable nor sortable.)
 */
export const PARTNER_LIST_FIELDS: Readonly<Record<PartnerGridField, FieldKind>> = Object.fromEntries(
  PARTNER_GRID_FIELDS.map((f) => [f.key, comparisonKind(f.kind)]),
) as Record<PartnerGridField, FieldKind>;

export type PartnerListField = PartnerGridField;

export function isPartnerListField(field: string): field is PartnerListField {
  return Object.hasOwn(PARTNER_LIST_FIELDS, field);
}
