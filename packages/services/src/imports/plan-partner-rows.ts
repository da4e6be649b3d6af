import { PartnerFields } from '@ptrack/contracts';
import type { IsoDate, OptionListName, PlanStatus } from '@ptrack/domain';
import { z } from 'zod';
import type { Settings } from '../settings';
import {
  BASELINE_KEYS,
  type BaselineKey,
  type FieldChange,
  type PartnerImportRow,
  type RowOutcome,
  type RowProblem,
} from './import-types';
import { accountKey, type ExistingPartner, type PartnerState } from './read-partner-state';
import { customProblems, schemaProblems } from './row-problems';
import { type CustomDef, canonicalOption, currentValue, type NewOptions, present, same } from './row-values';

export type { CustomDef } from './row-values';

// Decides, row by row, what an import does: create, update (with each field's before and after),
// leave unchanged, or refuse with the reasons. Nothing here writes; write-partner-rows carries out
// the plan. Rules (docs/IMPORT.md): a partner is matched by HubSpot company id, else by name ignoring
// case; a blank cell changes nothing; a row with any unreadable or invalid cell is not imported.

const ImportFields = z.strictObject(PartnerFields).partial();

const OPTION_FIELDS: Partial<Record<string, OptionListName>> = {
  type: 'partnerType',
  archetype: 'archetype',
  programStatus: 'programStatus',
  phase: 'phase',
  enterpriseTier: 'enterpriseTier',
  jvpStatus: 'jvpStatus',
};

export type PlanWrite =
  | { kind: 'create'; goal: string; startDate: IsoDate; status: PlanStatus | null; closePlanId?: string }
  | { kind: 'update'; planId: string; set: { goal?: string; status?: PlanStatus } };

export type RowWrite = {
  rowNumber: number;
  existing: ExistingPartner | null;
  /** Partner columns to write: every given one for a new partner, the changed ones for an update. */
  fields: Record<string, unknown>;
  namedAccounts?: string[];
  custom?: Record<string, unknown>;
  baseline?: Record<string, number>;
  plan?: PlanWrite;
  action?:
    | { kind: 'create'; dueDate: IsoDate; type: string; notes: string | null; repName: string | null }
    | {
        kind: 'notes';
        actionId: string;
        notes: string | null;
      };
  /** Days to record as touches (the sheet's first and last engagement). */
  touchDays: IsoDate[];
};

export type PlanContext = {
  settings: Settings;
  today: IsoDate;
  customDefs: ReadonlyMap<string, CustomDef>;
  /** The sheet's header for a field, for messages ("Partner Company: must not be blank"). */
  columnOf(field: string): string;
  /** Keys of earlier rows of the same file → their row number (duplicates are reported, not doubled). */
  seen: Map<string, number>;
};

export type RowsPlan = {
  outcomes: RowOutcome[];
  writes: RowWrite[];
  /** Option values the sheet uses that the workspace's lists lack: the import adds them. */
  newOptions: NewOptions;
};

function validate(row: PartnerImportRow, ctx: PlanContext): { fields: Record<string, unknown>; problems: RowProblem[] } {
  const problems: RowProblem[] = [...(row.problems ?? [])];
  const given = Object.fromEntries(Object.entries(row.partner).filter(([, v]) => present(v)));
  const parsed = ImportFields.safeParse(given);
  const check = { rowNumber: row.rowNumber, columnOf: ctx.columnOf, customDefs: ctx.customDefs };
  if (!parsed.success) problems.push(...schemaProblems(parsed.error.issues, given, check));
  const fields: Record<string, unknown> = parsed.success ? parsed.data : {};
  if (!present(fields.name) && problems.length === 0) {
    problems.push({ rowNumber: row.rowNumber, column: ctx.columnOf('name'), reason: 'the partner name is blank' });
  }
  problems.push(...customProblems('partner', fields.custom, check));
  return { fields, problems };
}

function planChanges(row: PartnerImportRow, existing: ExistingPartner | null, ctx: PlanContext, changes: FieldChange[]) {
  const plan = row.plan;
  if (!plan || (!present(plan.goal) && !present(plan.startDate))) return undefined;
  const current = existing?.plan ?? null;
  if (!current || (plan.startDate && plan.startDate !== current.startDate)) {
    const write: PlanWrite = {
      kind: 'create',
      goal: plan.goal ?? current?.goal ?? 'Imported 90-day plan',
      startDate: plan.startDate ?? ctx.today,
      status: plan.status ?? null,
      ...(current ? { closePlanId: current.id } : {}),
    };
    changes.push({
      field: 'plan',
      before: current ? { goal: current.goal, startDate: current.startDate } : null,
      after: { goal: write.goal, startDate: write.startDate, status: write.status },
    });
    return write;
  }
  const set: { goal?: string; status?: PlanStatus } = {};
  if (plan.goal && plan.goal !== current.goal) set.goal = plan.goal;
  // The status in force (set, else suggested) is what an export writes: the same value changes nothing.
  if (plan.status && plan.status !== current.status && plan.status !== existing?.planStatus) set.status = plan.status;
  if (Object.keys(set).length === 0) return undefined;
  for (const [k, v] of Object.entries(set)) changes.push({ field: `plan.${k}`, before: current[k as 'goal'], after: v });
  return { kind: 'update', planId: current.id, set } satisfies PlanWrite;
}

function actionChanges(
  row: PartnerImportRow,
  existing: ExistingPartner | null,
  ctx: PlanContext,
  changes: FieldChange[],
  newOptions: RowsPlan['newOptions'],
): RowWrite['action'] {
  const next = row.nextAction;
  if (!next?.dueDate) return undefined;
  const type = next.type ?? 'Follow-up';
  const notes = next.notes ?? null;
  const match = existing?.openActions.find((a) => a.dueDate === next.dueDate && a.type.toLowerCase() === type.toLowerCase());
  if (match) {
    if (notes === null || notes === match.notes) return undefined;
    changes.push({ field: 'nextAction.notes', before: match.notes, after: notes });
    return { kind: 'notes', actionId: match.id, notes };
  }
  const actionType = canonicalOption(ctx.settings, 'actionType', type, newOptions);
  changes.push({
    field: 'nextAction',
    before: null,
    after: { dueDate: next.dueDate, type: actionType, rep: next.repName ?? null, notes },
  });
  return { kind: 'create', dueDate: next.dueDate, type: actionType, notes, repName: next.repName ?? null };
}

export function planPartnerRows(rows: readonly PartnerImportRow[], state: PartnerState, ctx: PlanContext): RowsPlan {
  const result: RowsPlan = { outcomes: [], writes: [], newOptions: new Map() };
  for (const row of rows) {
    const { fields, problems } = validate(row, ctx);
    const name = typeof fields.name === 'string' ? fields.name : ((row.partner.name as string | undefined) ?? null);
    const hubspotId = fields.hubspotCompanyId as string | undefined;
    const keys = [name ? `name:${name.trim().toLowerCase()}` : null, hubspotId ? `hubspot:${hubspotId}` : null].filter(
      (k): k is string => k !== null,
    );
    const earlier = keys.map((k) => ctx.seen.get(k)).find((n) => n !== undefined);
    // (The sheet adapter may have said so already, naming the column it compared.)
    if (earlier !== undefined && problems.length === 0) {
      problems.push({
        rowNumber: row.rowNumber,
        column: ctx.columnOf('name'),
        value: name ?? '',
        reason: `the same partner as row ${earlier}: only the first is imported`,
      });
    }
    if (problems.length > 0) {
      result.outcomes.push({ rowNumber: row.rowNumber, name, action: 'error', changes: [], problems });
      continue;
    }
    const existing =
      (hubspotId ? state.byHubspotId.get(hubspotId) : undefined) ??
      (name ? state.byName.get(name.trim().toLowerCase()) : undefined) ??
      null;
    // Two rows may name one partner differently (one by HubSpot id, one by name): the first wins.
    const sameTarget = existing ? ctx.seen.get(`id:${existing.record.id}`) : undefined;
    if (existing && sameTarget !== undefined) {
      const reason = `matches the same partner (${existing.record.name}) as row ${sameTarget}: only the first is imported`;
      const column = ctx.columnOf(hubspotId ? 'hubspotCompanyId' : 'name');
      const problem = { rowNumber: row.rowNumber, column, value: hubspotId ?? name ?? '', reason };
      result.outcomes.push({ rowNumber: row.rowNumber, name, action: 'error', changes: [], problems: [problem] });
      continue;
    }
    for (const k of keys) ctx.seen.set(k, row.rowNumber);
    if (existing) ctx.seen.set(`id:${existing.record.id}`, row.rowNumber);
    const changes: FieldChange[] = [];
    const write: RowWrite = { rowNumber: row.rowNumber, existing, fields: {}, touchDays: [] };

    const { namedAccounts, custom, ...scalars } = fields as Record<string, unknown> & {
      namedAccounts?: unknown[];
      custom?: Record<string, unknown>;
    };
    for (const [field, raw] of Object.entries(scalars)) {
      const list = OPTION_FIELDS[field];
      const value = list && typeof raw === 'string' ? canonicalOption(ctx.settings, list, raw, result.newOptions) : raw;
      const before = existing ? currentValue(existing.record, field) : null;
      if (existing && same(before, value)) continue;
      write.fields[field] = value;
      changes.push({ field, before, after: value });
    }
    if (namedAccounts) {
      const names = namedAccounts.map((a) => (typeof a === 'string' ? a : (a as { name: string }).name).trim()).filter(Boolean);
      const before = existing?.namedAccounts ?? [];
      if (!same(before.map(accountKey), names.map(accountKey))) {
        write.namedAccounts = names;
        changes.push({ field: 'namedAccounts', before, after: names });
      }
    }
    if (custom) {
      const current = (existing?.record.custom ?? {}) as Record<string, unknown>;
      const merged = { ...current };
      for (const [key, value] of Object.entries(custom)) {
        if (!present(value) || same(current[key], value)) continue;
        merged[key] = value;
        changes.push({ field: `custom.${key}`, before: current[key] ?? null, after: value });
      }
      if (!same(merged, current)) write.custom = merged;
    }
    if (row.baseline) {
      const current = (existing?.record.baseline ?? {}) as Record<string, number>;
      const merged = { ...current };
      for (const key of BASELINE_KEYS) {
        const total = row.baseline[key as BaselineKey];
        if (total === undefined) continue;
        // The sheet's total less what recorded referrals already explain (never below zero).
        // (Active contacts are no sum of records: the sheet's count is kept as it is.)
        const explained = key === 'activeContacts' ? 0 : (existing?.computed[key] ?? 0);
        const value = Math.max(0, total - explained);
        if ((current[key] ?? 0) === value) continue;
        merged[key] = value;
        changes.push({ field: key, before: (current[key] ?? 0) + explained, after: total });
      }
      if (!same(merged, current)) write.baseline = merged;
    }
    write.plan = planChanges(row, existing, ctx, changes);
    write.action = actionChanges(row, existing, ctx, changes, result.newOptions);
    const { firstTouchDate, lastEngagementDate } = row.activity ?? {};
    const last = existing?.lastTouchDate ?? null;
    if (lastEngagementDate && (last === null || last < lastEngagementDate)) write.touchDays.push(lastEngagementDate);
    const first = existing?.firstTouchDate ?? write.touchDays[0] ?? null;
    if (firstTouchDate && (first === null || first > firstTouchDate) && !write.touchDays.includes(firstTouchDate)) {
      write.touchDays.push(firstTouchDate);
    }
    for (const day of write.touchDays) changes.push({ field: 'touch', before: null, after: day });

    const action = existing ? (changes.length > 0 ? 'update' : 'unchanged') : 'create';
    result.outcomes.push({
      rowNumber: row.rowNumber,
      name,
      action,
      ...(existing ? { partnerId: existing.record.id } : {}),
      changes,
      problems: [],
    });
    if (action !== 'unchanged') result.writes.push(write);
  }
  return result;
}
