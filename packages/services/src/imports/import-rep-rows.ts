import { RepFields } from '@ptrack/contracts';
import type { IsoDate } from '@ptrack/domain';
import { defined } from '@ptrack/domain';
import { actions, partners, repStats, reps, sqlArray, type Tx } from '@ptrack/storage';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inSequence, type ServiceContext } from '../context';
import type { Settings } from '../settings';
import { actionWriter, partnerWriter, repWriter, touchWriter } from '../writes/writers';
import { type BatchContext, type ImportResult, type ImportRowsOptions, runImportBatches } from './import-partner-rows';
import type { FieldChange, RowOutcome, RowProblem } from './import-types';
import { customProblems, schemaProblems } from './row-problems';
import { canonicalOption, currentValue, type NewOptions, noonOn, present, same } from './row-values';

// Rep sheets (seed 001, "Option B": one row per rep with its partner, tier, quality, last contact and
// next action). A rep is matched by email, else by name at its partner (ignoring case); a partner the
// workspace lacks is added by name, so a rep sheet can come first. Computed columns (introductions
// made, response rate) are recognised by the sheet adapter and not stored.

export type RepImportRow = {
  rowNumber: number;
  /** Rep fields as the API names them, with the partner by name. */
  rep: Record<string, unknown> & { partnerName?: unknown };
  nextAction?: { dueDate?: string; type?: string; notes?: string };
  activity?: { lastContactDate?: string };
  problems?: RowProblem[];
};

type RepRecord = typeof reps.$inferSelect;
type ActionRecord = typeof actions.$inferSelect;
type RepWrite = {
  rowNumber: number;
  partnerName: string;
  partnerId: string | null;
  existing: RepRecord | null;
  fields: Record<string, unknown>;
  custom?: Record<string, unknown>;
  action?:
    | { dueDate: IsoDate; type: string; notes: string | null }
    | { actionId: string; notes: string | null; before: ActionRecord };
  touchDay?: IsoDate;
};
/** A rep write once its partner is known (found, or added by name in the same batch). */
type PlacedRepWrite = RepWrite & { partnerId: string };

const ImportRepFields = z
  .strictObject({ ...RepFields, partnerId: RepFields.partnerId.optional(), name: RepFields.name.optional() })
  .partial();

async function readRepState(tx: Tx, batch: RepImportRow[]) {
  const partnerNames = [
    ...new Set(batch.flatMap((r) => (typeof r.rep.partnerName === 'string' ? [r.rep.partnerName.trim().toLowerCase()] : []))),
  ];
  const emails = [...new Set(batch.flatMap((r) => (typeof r.rep.email === 'string' ? [r.rep.email.toLowerCase()] : [])))];
  const found = await tx
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(sql`lower(${partners.name}) = any(${sqlArray(partnerNames, 'text')})`);
  const partnerByName = new Map(found.map((p) => [p.name.toLowerCase(), p]));
  const ids = found.map((p) => p.id);
  const repRows = await tx
    .select()
    .from(reps)
    .where(sql`${reps.partnerId} = any(${sqlArray(ids, 'uuid')}) or lower(${reps.email}) = any(${sqlArray(emails, 'text')})`);
  const repIds = repRows.map((r) => r.id);
  const [open, stats] = await inSequence(
    () =>
      tx
        .select()
        .from(actions)
        .where(and(sql`${actions.repId} = any(${sqlArray(repIds, 'uuid')})`, eq(actions.status, 'open'))),
    () =>
      tx
        .select({ repId: repStats.repId, last: repStats.lastTouchDate })
        .from(repStats)
        .where(sql`${repStats.repId} = any(${sqlArray(repIds, 'uuid')})`),
  );
  return {
    partnerByName,
    byEmail: new Map(repRows.flatMap((r) => (r.email ? [[r.email.toLowerCase(), r] as const] : []))),
    byPartnerName: new Map(repRows.map((r) => [`${r.partnerId}|${r.name.toLowerCase()}`, r])),
    openByRep: groupByRep(open),
    lastTouch: new Map(stats.map((s) => [s.repId, s.last])),
  };
}

function groupByRep(open: ActionRecord[]): Map<string, ActionRecord[]> {
  const map = new Map<string, ActionRecord[]>();
  for (const a of open) if (a.repId) map.set(a.repId, [...(map.get(a.repId) ?? []), a]);
  return map;
}

function planRepRows(batch: RepImportRow[], state: Awaited<ReturnType<typeof readRepState>>, b: BatchContext) {
  const outcomes: RowOutcome[] = [];
  const writes: RepWrite[] = [];
  const newOptions: NewOptions = new Map();
  for (const row of batch) {
    const problems: RowProblem[] = [...(row.problems ?? [])];
    const { partnerName: rawPartner, ...given } = row.rep;
    const partnerName = typeof rawPartner === 'string' ? rawPartner.trim() : '';
    const parsed = ImportRepFields.safeParse(Object.fromEntries(Object.entries(given).filter(([, v]) => present(v))));
    const check = { rowNumber: row.rowNumber, columnOf: b.columnOf, customDefs: b.customDefs };
    if (!parsed.success) problems.push(...schemaProblems(parsed.error.issues, given, check));
    const fields: Record<string, unknown> = parsed.success ? parsed.data : {};
    const name = typeof fields.name === 'string' ? fields.name : null;
    if (problems.length === 0 && !name)
      problems.push({ rowNumber: row.rowNumber, column: b.columnOf('name'), reason: 'the rep name is blank' });
    if (problems.length === 0 && !partnerName)
      problems.push({ rowNumber: row.rowNumber, column: b.columnOf('partnerName'), reason: 'the partner is blank' });
    problems.push(...customProblems('rep', fields.custom, check));
    const partner = state.partnerByName.get(partnerName.toLowerCase()) ?? null;
    const email = typeof fields.email === 'string' ? fields.email.toLowerCase() : null;
    const existing =
      (email ? state.byEmail.get(email) : undefined) ??
      (partner && name ? state.byPartnerName.get(`${partner.id}|${name.toLowerCase()}`) : undefined) ??
      null;
    const key = existing ? `rep:${existing.id}` : `new:${partnerName.toLowerCase()}|${(name ?? '').toLowerCase()}`;
    const earlier = b.seen.get(key) ?? (email ? b.seen.get(`email:${email}`) : undefined);
    if (problems.length === 0 && earlier !== undefined) {
      problems.push({
        rowNumber: row.rowNumber,
        column: b.columnOf('name'),
        value: name ?? '',
        reason: `the same rep as row ${earlier}: only the first is imported`,
      });
    }
    if (problems.length > 0) {
      outcomes.push({ rowNumber: row.rowNumber, name, action: 'error', changes: [], problems });
      continue;
    }
    b.seen.set(key, row.rowNumber);
    if (email) b.seen.set(`email:${email}`, row.rowNumber);

    const changes: FieldChange[] = [];
    const write: RepWrite = {
      rowNumber: row.rowNumber,
      partnerName,
      partnerId: existing?.partnerId ?? partner?.id ?? null,
      existing,
      fields: {},
    };
    if (!partner && !existing) changes.push({ field: 'partner', before: null, after: partnerName });
    const { custom, ...scalars } = fields as Record<string, unknown> & { custom?: Record<string, unknown> };
    for (const [field, value] of Object.entries(scalars)) {
      const before = existing ? currentValue(existing, field) : null;
      if (existing && same(before, value)) continue;
      write.fields[field] = value;
      changes.push({ field, before, after: value });
    }
    if (custom) {
      const current = (existing?.custom ?? {}) as Record<string, unknown>;
      const merged = { ...current };
      for (const [k, v] of Object.entries(custom)) {
        if (!present(v) || same(current[k], v)) continue;
        merged[k] = v;
        changes.push({ field: `custom.${k}`, before: current[k] ?? null, after: v });
      }
      if (!same(merged, current)) write.custom = merged;
    }
    const next = row.nextAction;
    if (next?.dueDate) {
      const type = canonicalOption(b.settings, 'actionType', next.type ?? 'Follow-up', newOptions);
      const open = existing ? (state.openByRep.get(existing.id) ?? []) : [];
      const match = open.find((a) => a.dueDate === next.dueDate && a.type.toLowerCase() === type.toLowerCase());
      if (!match) {
        write.action = { dueDate: next.dueDate, type, notes: next.notes ?? null };
        changes.push({ field: 'nextAction', before: null, after: { dueDate: next.dueDate, type } });
      } else if (next.notes && next.notes !== match.notes) {
        write.action = { actionId: match.id, notes: next.notes, before: match };
        changes.push({ field: 'nextAction.notes', before: match.notes, after: next.notes });
      }
    }
    const lastContact = row.activity?.lastContactDate;
    const last = existing ? (state.lastTouch.get(existing.id) ?? null) : null;
    if (lastContact && (last === null || last < lastContact)) {
      write.touchDay = lastContact;
      changes.push({ field: 'touch', before: last, after: lastContact });
    }
    const action = existing ? (changes.length > 0 ? 'update' : 'unchanged') : 'create';
    outcomes.push({
      rowNumber: row.rowNumber,
      name,
      action,
      ...(write.partnerId ? { partnerId: write.partnerId } : {}),
      changes,
      problems: [],
    });
    if (action !== 'unchanged') writes.push(write);
  }
  return { outcomes, writes, newOptions };
}

async function writeRepRows(tx: Tx, ctx: ServiceContext, writes: RepWrite[], settings: Settings): Promise<string[]> {
  const ws = { tx, ctx, settings };
  const { timeZone } = settings;
  const now = ctx.now();
  // Partners named by the sheet and missing from the workspace: added by name, once each.
  const missing = [
    ...new Map(writes.filter((w) => !w.partnerId).map((w) => [w.partnerName.toLowerCase(), w.partnerName])).values(),
  ];
  const newPartners = missing.map((name) => ({ name, createdAt: now, updatedAt: now }));
  const added = await partnerWriter.insertMany(ws, newPartners);
  const addedByName = new Map(added.map((p) => [p.name.toLowerCase(), p.id]));
  const placed: PlacedRepWrite[] = writes.map((w) => ({
    ...w,
    partnerId: w.partnerId ?? defined(addedByName.get(w.partnerName.toLowerCase()), `the partner added for "${w.partnerName}"`),
  }));

  const creates = placed.filter((w) => !w.existing);
  const inserted = await repWriter.insertMany(
    ws,
    creates.map((w) => ({
      ...w.fields,
      partnerId: w.partnerId,
      name: String(w.fields.name),
      custom: w.custom ?? {},
      createdAt: now,
      updatedAt: now,
    })) as (typeof reps.$inferInsert)[],
  );
  const repIdOf = new Map<PlacedRepWrite, string>();
  const byKey = new Map(creates.map((w) => [`${w.partnerId}|${String(w.fields.name).toLowerCase()}`, w]));
  for (const rep of inserted) repIdOf.set(defined(byKey.get(`${rep.partnerId}|${rep.name.toLowerCase()}`)), rep.id);
  for (const w of placed) {
    const before = w.existing;
    if (!before) continue;
    repIdOf.set(w, before.id);
    const set = { ...w.fields, ...(w.custom ? { custom: w.custom } : {}) };
    if (Object.keys(set).length > 0) await repWriter.update(ws, before, set);
  }
  const newActions = placed.flatMap((w) =>
    w.action && 'dueDate' in w.action
      ? [
          {
            partnerId: w.partnerId,
            repId: defined(repIdOf.get(w)),
            dueDate: w.action.dueDate,
            type: w.action.type,
            notes: w.action.notes,
            createdAt: now,
            updatedAt: now,
          },
        ]
      : [],
  );
  await actionWriter.insertMany(ws, newActions);
  for (const w of writes) {
    if (!w.action || !('actionId' in w.action)) continue;
    const { before, notes } = w.action;
    await actionWriter.update(ws, before, { notes });
  }
  const newTouches = placed.flatMap((w) =>
    w.touchDay
      ? [
          {
            partnerId: w.partnerId,
            repId: defined(repIdOf.get(w)),
            kind: 'other' as const,
            direction: 'outbound' as const,
            occurredAt: noonOn(w.touchDay, timeZone),
            summary: 'Last contact recorded in the imported sheet',
            createdAt: now,
            updatedAt: now,
          },
        ]
      : [],
  );
  await touchWriter.insertMany(ws, newTouches);
  return [...new Set(placed.map((w) => w.partnerId))];
}

/** Rep rows, matched by email, else by name at their partner. */
export function importRepRows(
  ctx: ServiceContext,
  rows: AsyncIterable<RepImportRow> | Iterable<RepImportRow>,
  options: ImportRowsOptions,
): Promise<ImportResult> {
  return runImportBatches(ctx, 'rep', rows, options, async (batch, b) => {
    const state = await readRepState(b.tx, batch);
    const plan = planRepRows(batch, state, b);
    return {
      outcomes: plan.outcomes,
      newOptions: plan.newOptions,
      write: async (tx, settings, afterRow) => {
        const writes = plan.writes.filter((w) => w.rowNumber > afterRow);
        return writes.length > 0 ? writeRepRows(tx, ctx, writes, settings) : [];
      },
    };
  });
}
