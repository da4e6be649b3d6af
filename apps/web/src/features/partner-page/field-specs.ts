import { type FieldInput, type FieldSpecDef, PARTNER_SECTIONS, REP_FORM_FIELDS } from '@ptrack/catalog';
import type { PartnerDto, RepDto } from '@ptrack/contracts';

// The partner's and rep's own fields come from the catalog; typing them with the DTOs' keys here checks
// at compile time that every field the page shows is one the server sends.

export type FieldKind = FieldInput;
export type FieldSpec<K extends string = string> = FieldSpecDef<K>;
export { fieldLabel } from '@ptrack/catalog';

type PartnerKey = keyof PartnerDto & string;
type RepKey = keyof RepDto & string;
type Specs<K extends string> = FieldSpec<K>[];

export const IDENTIFICATION: Specs<PartnerKey> = [...PARTNER_SECTIONS.identification];
export const RELATIONSHIP: Specs<PartnerKey> = [...PARTNER_SECTIONS.relationship];
export const STATUS_LINKS: Specs<PartnerKey> = [...PARTNER_SECTIONS.statusLinks];
export const NOTES: Specs<PartnerKey> = [...PARTNER_SECTIONS.notes];
export const IPP: Specs<PartnerKey> = [...PARTNER_SECTIONS.ipp];
export const ENTERPRISE: Specs<PartnerKey> = [...PARTNER_SECTIONS.enterprise];
export const QUALIFICATION: Specs<PartnerKey> = [...PARTNER_SECTIONS.qualification];
export const REP_FIELDS: Specs<RepKey> = [...REP_FORM_FIELDS];

/** Whether any of the fields holds a value: an optional section opens when it is in use. */
export function anySet(record: Record<string, unknown>, specs: readonly FieldSpec[]): boolean {
  return specs.some((f) => record[f.key] !== null && record[f.key] !== undefined && record[f.key] !== '');
}
