import type { CreateReferralRequest, ReferralDto, UpdateReferralRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { referrals, refreshStats, type Tx } from '@ptrack/storage';
import { and, eq, ne } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { resolveAccount } from '../accounts/resolve-account';
import { inTransaction, type ServiceContext } from '../context';
import { recordChange } from '../history';
import { assertVersion, resolveSubject } from '../records';
import { loadSettings, statsClock } from '../settings';
import { loadReferralDto } from './referral-dto';

async function assertDealFree(tx: Tx, hubspotDealId: string | null | undefined, exceptId?: string): Promise<void> {
  if (!hubspotDealId) return;
  const [clash] = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.hubspotDealId, hubspotDealId), exceptId ? ne(referrals.id, exceptId) : undefined));
  if (clash) {
    throw new AppError('DUPLICATE', `hubspotDealId: another referral is linked to HubSpot deal ${hubspotDealId}`, {
      issues: [{ field: 'hubspotDealId', message: `another referral is linked to HubSpot deal ${hubspotDealId}` }],
      existingId: clash.id,
    });
  }
}

/** Records an intro and where it stands in the funnel (PRODUCT.md: the record behind performance). */
export async function createReferral(ctx: ServiceContext, input: CreateReferralRequest): Promise<ReferralDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { partnerId, rep } = await resolveSubject(tx, input);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, partnerId));
    await assertDealFree(tx, input.hubspotDealId);
    const account = input.account ? await resolveAccount(tx, ctx, input.account, 'account') : null;
    const { account: _account, ...fields } = input;
    const [created] = await tx
      .insert(referrals)
      .values({
        ...fields,
        partnerId,
        repId: rep?.id ?? null,
        accountId: account?.id ?? null,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'referral',
      entityId: created!.id,
      partnerId,
      operation: 'create',
      after: created!,
    });
    await refreshStats(tx, { partnerId, reps: rep ? { id: rep.id } : 'none', ...statsClock(settings, ctx.now()) });
    return loadReferralDto(tx, created!.id);
  });
}

export async function updateReferral(ctx: ServiceContext, id: string, input: UpdateReferralRequest): Promise<ReferralDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const [current] = await tx.select().from(referrals).where(eq(referrals.id, id)).for('update');
    if (!current) throw AppError.notFound('referral', id);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, current.partnerId));
    await assertVersion(current, input.version, 'referral', () => loadReferralDto(tx, id));
    const partnerChanged = input.partnerId !== undefined && input.partnerId !== current.partnerId;
    const { partnerId, rep } = await resolveSubject(tx, {
      partnerId: input.partnerId ?? current.partnerId,
      // moving to another partner drops a rep of the old one unless a new rep is named
      repId: input.repId !== undefined ? input.repId : partnerChanged ? null : current.repId,
    });
    if (partnerId !== current.partnerId) authorize(ctx, 'partners:write', await partnerScope(ctx, tx, partnerId));
    await assertDealFree(tx, input.hubspotDealId, id);
    const { version, account, partnerId: _p, repId: _r, ...fields } = input;
    const accountId =
      account === undefined
        ? current.accountId
        : account === null
          ? null
          : (await resolveAccount(tx, ctx, account, 'account')).id;
    const [updated] = await tx
      .update(referrals)
      .set({ ...fields, partnerId, repId: rep?.id ?? null, accountId, version: version + 1, updatedAt: ctx.now() })
      .where(eq(referrals.id, id))
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'referral',
      entityId: id,
      partnerId,
      operation: 'update',
      before: current,
      after: updated!,
    });
    await refreshStats(tx, { partnerId, ...statsClock(settings, ctx.now()) });
    if (partnerId !== current.partnerId)
      await refreshStats(tx, { partnerId: current.partnerId, ...statsClock(settings, ctx.now()) });
    return loadReferralDto(tx, id);
  });
}

export async function deleteReferral(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const [current] = await tx.select().from(referrals).where(eq(referrals.id, id)).for('update');
    if (!current) throw AppError.notFound('referral', id);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, current.partnerId));
    await assertVersion(current, expectedVersion, 'referral', () => loadReferralDto(tx, id));
    await tx.delete(referrals).where(eq(referrals.id, id));
    await recordChange(tx, ctx, {
      entityType: 'referral',
      entityId: id,
      partnerId: current.partnerId,
      operation: 'delete',
      before: current,
    });
    await refreshStats(tx, {
      partnerId: current.partnerId,
      reps: current.repId ? { id: current.repId } : 'none',
      ...statsClock(settings, ctx.now()),
    });
  });
}
