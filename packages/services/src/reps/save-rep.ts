import type { CreateRepRequest, RepDto, UpdateRepRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { refreshStats, reps, type Tx } from '@ptrack/storage';
import { and, eq, ne, sql } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { mergeCustomValues } from '../field-checks';
import { recordChange } from '../history';
import { assertPartnerExists, assertVersion } from '../records';
import { loadSettings, statsClock } from '../settings';
import { planFirstFollowUp } from './plan-first-follow-up';
import { loadRepDto } from './rep-dto';

async function assertRepUnique(
  tx: Tx,
  rep: { partnerId: string; name: string; email?: string | null | undefined },
  exceptId?: string,
) {
  const byName = await tx
    .select({ id: reps.id })
    .from(reps)
    .where(
      and(
        eq(reps.partnerId, rep.partnerId),
        sql`lower(${reps.name}) = lower(${rep.name})`,
        exceptId ? ne(reps.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (byName[0]) {
    throw new AppError('DUPLICATE', `name: this partner already has a rep named "${rep.name}"`, {
      issues: [{ field: 'name', message: `this partner already has a rep named "${rep.name}"` }],
      existingId: byName[0].id,
    });
  }
  if (rep.email) {
    const byEmail = await tx
      .select({ id: reps.id })
      .from(reps)
      .where(and(sql`lower(${reps.email}) = lower(${rep.email})`, exceptId ? ne(reps.id, exceptId) : undefined))
      .limit(1);
    if (byEmail[0]) {
      throw new AppError('DUPLICATE', `email: another rep has the email ${rep.email}`, {
        issues: [{ field: 'email', message: `another rep has the email ${rep.email}` }],
        existingId: byEmail[0].id,
      });
    }
  }
}

/** Adds a rep; a rep with a tier gets its first follow-up at the tier's cadence from today. */
export async function createRep(ctx: ServiceContext, input: CreateRepRequest): Promise<RepDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    await assertPartnerExists(tx, input.partnerId);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, input.partnerId));
    await assertRepUnique(tx, input);
    const { custom, ...fields } = input;
    const customValues = await mergeCustomValues(tx, 'rep', {}, custom);
    const [rep] = await tx
      .insert(reps)
      .values({ ...fields, custom: customValues, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    await planFirstFollowUp(tx, ctx, settings, rep!);
    await refreshStats(tx, { partnerId: rep!.partnerId, reps: { id: rep!.id }, ...statsClock(settings, ctx.now()) });
    await recordChange(tx, ctx, {
      entityType: 'rep',
      entityId: rep!.id,
      partnerId: rep!.partnerId,
      operation: 'create',
      after: rep!,
    });
    return loadRepDto(tx, settings, ctx.now(), rep!.id);
  });
}

export async function updateRep(ctx: ServiceContext, id: string, input: UpdateRepRequest): Promise<RepDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const [current] = await tx.select().from(reps).where(eq(reps.id, id)).for('update');
    if (!current) throw AppError.notFound('rep', id);
    await assertVersion(current, input.version, `rep "${current.name}"`, () => loadRepDto(tx, settings, ctx.now(), id));
    const { version, custom, ...fields } = input;
    const partnerId = fields.partnerId ?? current.partnerId;
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, current.partnerId));
    if (partnerId !== current.partnerId) {
      await assertPartnerExists(tx, partnerId);
      authorize(ctx, 'partners:write', await partnerScope(ctx, tx, partnerId));
    }
    await assertRepUnique(
      tx,
      { partnerId, name: fields.name ?? current.name, email: fields.email === undefined ? current.email : fields.email },
      id,
    );
    const customValues = await mergeCustomValues(tx, 'rep', current.custom ?? {}, custom);
    const [updated] = await tx
      .update(reps)
      .set({ ...fields, custom: customValues, version: version + 1, updatedAt: ctx.now() })
      .where(eq(reps.id, id))
      .returning();
    // A rep given a tier, or raised to a closer one, starts on that tier's cadence if nothing is planned.
    const raised = updated!.engagementTier !== null && (current.engagementTier ?? 5) > updated!.engagementTier;
    if (raised) await planFirstFollowUp(tx, ctx, settings, updated!);
    await refreshStats(tx, { partnerId, reps: { id }, ...statsClock(settings, ctx.now()) });
    if (partnerId !== current.partnerId)
      await refreshStats(tx, { partnerId: current.partnerId, reps: 'none', ...statsClock(settings, ctx.now()) });
    await recordChange(tx, ctx, {
      entityType: 'rep',
      entityId: id,
      partnerId,
      operation: 'update',
      before: current,
      after: updated!,
    });
    return loadRepDto(tx, settings, ctx.now(), id);
  });
}

/** Deletes a rep with its touches and actions; its referrals stay with the partner, without a rep. */
export async function deleteRep(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const [current] = await tx.select().from(reps).where(eq(reps.id, id)).for('update');
    if (!current) throw AppError.notFound('rep', id);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, current.partnerId));
    await assertVersion(current, expectedVersion, `rep "${current.name}"`, () => loadRepDto(tx, settings, ctx.now(), id));
    await tx.delete(reps).where(eq(reps.id, id));
    await refreshStats(tx, { partnerId: current.partnerId, reps: 'none', ...statsClock(settings, ctx.now()) });
    await recordChange(tx, ctx, {
      entityType: 'rep',
      entityId: id,
      partnerId: current.partnerId,
      operation: 'delete',
      before: current,
    });
  });
}
