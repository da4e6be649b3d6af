import { type DealStageMap, referralFromDeal } from '@ptrack/domain';
import { partners, referrals, sqlArray, type Tx } from '@ptrack/storage';
import { sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { referralWriter } from '../writes/writers';
import { repsByContact } from './apply-contacts';
import { count, type DealsPage, emptyOutcome, type PageOutcome } from './sync-types';

/**
 * Applies one page of deals as referrals inside the caller's transaction, keyed by HubSpot deal id so a
 * page applied twice changes nothing. The partner is the deal's linked company, else its rep's partner;
 * HubSpot owns stage, amount and close date, the tracker keeps account, notes and its own edits.
 */
export async function applyDealsPage(
  tx: Tx,
  ctx: ServiceContext,
  page: DealsPage,
  opts: { stageMap: DealStageMap; currencyDigits: number },
): Promise<PageOutcome & { partnerIds: Set<string> }> {
  const ws = { tx, ctx };
  const outcome = emptyOutcome();
  const partnerIds = new Set<string>();
  const companyIds = [...new Set(page.deals.flatMap((d) => d.companyIds))];
  const linked = companyIds.length
    ? await tx
        .select({ id: partners.id, companyId: partners.hubspotCompanyId })
        .from(partners)
        .where(sql`${partners.hubspotCompanyId} = any(${sqlArray(companyIds, 'text')})`)
    : [];
  const partnerOfCompany = new Map(linked.map((p) => [p.companyId, p.id]));
  const repOf = await repsByContact(tx, [...new Set(page.deals.flatMap((d) => d.contactIds))]);
  const dealIds = page.deals.map((d) => d.record.id);
  const existing = dealIds.length
    ? await referralWriter.lockWhere(ws, sql`${referrals.hubspotDealId} = any(${sqlArray(dealIds, 'text')})`)
    : [];
  const referralOf = new Map(existing.map((r) => [r.hubspotDealId, r]));
  const toInsert = new Map<string, typeof referrals.$inferInsert>();

  for (const { record, companyIds: companies, contactIds } of page.deals) {
    const reps = contactIds.map((id) => repOf.get(id)).filter((r) => r !== undefined);
    const partnerId = companies.map((id) => partnerOfCompany.get(id)).find(Boolean) ?? reps[0]?.partnerId ?? null;
    if (!partnerId) {
      count(outcome, 'referrals.skipped');
      continue;
    }
    const mapped = referralFromDeal(record.properties, {
      stageMap: opts.stageMap,
      createdAt: record.createdAt,
      currencyDigits: opts.currencyDigits,
    });
    if (!mapped.ok) {
      outcome.failures.push({ object: 'deal', id: record.id, reason: mapped.reason });
      continue;
    }
    for (const issue of mapped.issues) outcome.failures.push({ object: 'deal', id: record.id, reason: issue.reason });
    const rep = reps.find((r) => r.partnerId === partnerId) ?? null;
    const current = referralOf.get(record.id);
    if (!current) {
      // The same deal twice in one page (HubSpot lists each once): the first one stands.
      if (toInsert.has(record.id)) count(outcome, 'referrals.unchanged');
      else
        toInsert.set(record.id, {
          ...mapped.referral,
          partnerId,
          repId: rep?.id ?? null,
          hubspotDealId: record.id,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        });
      continue;
    }
    const { introducedAt: _keep, ...owned } = mapped.referral;
    const next = { ...owned, ...(current.repId === null && rep ? { repId: rep.id } : {}) };
    const changed = Object.entries(next).some(([k, v]) => current[k as keyof typeof current] !== v);
    if (!changed) {
      count(outcome, 'referrals.unchanged');
      continue;
    }
    const updated = await referralWriter.update(ws, current, next);
    referralOf.set(record.id, updated);
    count(outcome, 'referrals.updated');
    partnerIds.add(current.partnerId);
  }
  // New referrals go in as one insert: a first sync of thousands of deals is a few statements per page.
  for (const created of await referralWriter.insertMany(ws, [...toInsert.values()])) {
    count(outcome, 'referrals.created');
    partnerIds.add(created.partnerId);
  }
  return { ...outcome, partnerIds };
}
