import type { CreateReferralRequest, ReferralDto, UpdateReferralRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { referrals, type Tx } from '@ptrack/storage';
import { and, eq, ne } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { resolveAccount } from '../accounts/resolve-account';
import { inTransaction, type ServiceContext } from '../context';
import { resolveSubject } from '../records';
import { loadSettings } from '../settings';
import { referralWriter } from '../writes/writers';
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

/** Records an intro and where it stands in the funnel (docs/RULES.md: the record behind performance). */
export async function createReferral(ctx: ServiceContext, input: CreateReferralRequest): Promise<ReferralDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const { partnerId, rep } = await resolveSubject(tx, input);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, partnerId));
    await assertDealFree(tx, input.hubspotDealId);
    const account = input.account ? await resolveAccount(tx, ctx, input.account, 'account') : null;
    const { account: _account, ...fields } = input;
    const created = await referralWriter.create(
      { tx, ctx, settings },
      { ...fields, partnerId, repId: rep?.id ?? null, accountId: account?.id ?? null },
    );
    return loadReferralDto(tx, created.id);
  });
}

export async function updateReferral(ctx: ServiceContext, id: string, input: UpdateReferralRequest): Promise<ReferralDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const w = { tx, ctx, settings };
    const current = await referralWriter.lock(w, id, {
      guard: async (row) => authorize(ctx, 'partners:write', await partnerScope(ctx, tx, row.partnerId)),
      version: { expected: input.version, what: 'referral', current: () => loadReferralDto(tx, id) },
    });
    const partnerChanged = input.partnerId !== undefined && input.partnerId !== current.partnerId;
    const { partnerId, rep } = await resolveSubject(tx, {
      partnerId: input.partnerId ?? current.partnerId,
      // moving to another partner drops a rep of the old one unless a new rep is named
      repId: input.repId !== undefined ? input.repId : partnerChanged ? null : current.repId,
    });
    if (partnerId !== current.partnerId) authorize(ctx, 'partners:write', await partnerScope(ctx, tx, partnerId));
    await assertDealFree(tx, input.hubspotDealId, id);
    const { version: _version, account, partnerId: _p, repId: _r, ...fields } = input;
    const accountId =
      account === undefined
        ? current.accountId
        : account === null
          ? null
          : (await resolveAccount(tx, ctx, account, 'account')).id;
    await referralWriter.update(w, current, { ...fields, partnerId, repId: rep?.id ?? null, accountId });
    return loadReferralDto(tx, id);
  });
}

export async function deleteReferral(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'partners:write');
  await inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const w = { tx, ctx, settings };
    const current = await referralWriter.lock(w, id, {
      guard: async (row) => authorize(ctx, 'partners:write', await partnerScope(ctx, tx, row.partnerId)),
      version: { expected: expectedVersion, what: 'referral', current: () => loadReferralDto(tx, id) },
    });
    await referralWriter.remove(w, current);
  });
}
