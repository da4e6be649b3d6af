import {
  PARTNER_COMPUTED_LABELS,
  PARTNER_IMPORT_TARGETS,
  type PartnerComputed,
  type PartnerTarget,
  REP_COMPUTED,
  REP_IMPORT_TARGETS,
  type RepComputed,
  type RepTarget,
  type ValueKind,
} from '@ptrack/catalog';

// The targets a sheet column can map to, and how their cells are read, are the catalog's (the import
// wizard shows the same list): this module names them for the sheets adapter.

export type { PartnerComputed, PartnerTarget, RepComputed, RepTarget, ValueKind };

/** Every partner target: its own fields, its current 90-day plan, its next action, baselines, activity dates. */
export const PARTNER_TARGETS = PARTNER_IMPORT_TARGETS;
export const REP_TARGETS = REP_IMPORT_TARGETS;

/** Columns the product computes (rollups, performance totals, time since touch): recognised, not stored. */
export const PARTNER_COMPUTED = Object.keys(PARTNER_COMPUTED_LABELS) as readonly PartnerComputed[];
export { REP_COMPUTED };

export type Entity = 'partner' | 'rep';
export type FieldTarget<E extends Entity> = E extends 'partner' ? PartnerTarget : RepTarget;

export function targetsOf(entity: Entity): Readonly<Record<string, ValueKind>> {
  return entity === 'partner' ? PARTNER_TARGETS : REP_TARGETS;
}
export function computedOf(entity: Entity): readonly string[] {
  return entity === 'partner' ? PARTNER_COMPUTED : REP_COMPUTED;
}
