import type { CreateRepRequest, RepDto, UpdateRepRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { reps, type Tx } from '@ptrack/storage';
import { and, eq, ne, sql } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { mergeCustomValues } from '../field-checks';
import { assertPartnerExists } from '../records';
import { loadSettings } from '../settings';
import { repWriter } from '../writes/writers';
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
    const rep = await repWriter.create({ tx, ctx, settings }, { ...fields, custom: customValues }, async (row) => {
      await planFirstFollowUp(tx, ctx, settings, row);
      return undefined;
    });
    return loadRepDto(tx, settings, ctx.now(), rep.id);
  });
}

export async function updateRep(ctx: ServiceContext, id: string, input: UpdateRepRequest): Promise<RepDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const w = { tx, ctx, settings };
    const current = await repWriter.lock(w, id, {
      version: {
        expected: input.version,
        what: (row) => `rep "${row.name}"`,
        current: () => loadRepDto(tx, settings, ctx.now(), id),
      },
    });
    const { version: _version, custom, ...fields } = input;
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
    await repWriter.update(w, current, { ...fields, custom: customValues }, async (updated) => {
      // A rep given a tier, or raised to a closer one, starts on that tier's cadence if nothing is planned.
      const raised = updated.engagementTier !== null && (current.engagementTier ?? 5) > updated.engagementTier;
      if (raised) await planFirstFollowUp(tx, ctx, settings, updated);
      return undefined;
    });
    return loadRepDto(tx, settings, ctx.now(), id);
  });
}

/** Deletes a rep with its touches and actions; its referrals stay with the partner, without a rep. */
export async function deleteRep(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const w = { tx, ctx, settings };
    const current = await repWriter.lock(w, id, {
      guard: async (row) => authorize(ctx, 'partners:write', await partnerScope(ctx, tx, row.partnerId)),
      version: {
        expected: expectedVersion,
        what: (row) => `rep "${row.name}"`,
        current: () => loadRepDto(tx, settings, ctx.now(), id),
      },
    });
    await repWriter.remove(w, current);
  });
}
