import { isPartnerSalesRep, normaliseDomain, repChanges, repFromContact } from '@ptrack/domain';
import type { HubSpotRecord } from '@ptrack/integrations';
import { partners, reps, type Tx } from '@ptrack/storage';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { recordChange } from '../history';
import { type ContactsPage, count, emptyOutcome, type PageOutcome } from './sync-types';

type Partner = typeof partners.$inferSelect;
type Rep = typeof reps.$inferSelect;

/**
 * The partner of a HubSpot company: the one linked by id, else an unlinked one with the same domain or
 * name (then linked). A company no partner matches becomes a new partner — only companies that have
 * partner-sales-rep contacts get here, so HubSpot's other companies never turn into partners.
 */
async function partnerForCompany(
  tx: Tx,
  ctx: ServiceContext,
  company: HubSpotRecord,
  outcome: PageOutcome,
): Promise<Partner | null> {
  const [linked] = await tx.select().from(partners).where(eq(partners.hubspotCompanyId, company.id)).limit(1);
  if (linked) return linked;
  const domain = normaliseDomain(company.properties.domain) ?? normaliseDomain(company.properties.website);
  const name = company.properties.name?.trim() || domain || `HubSpot company ${company.id}`;
  const candidates = await tx
    .select()
    .from(partners)
    .where(
      and(
        isNull(partners.hubspotCompanyId),
        or(
          sql`lower(${partners.name}) = lower(${name})`,
          domain ? sql`${partners.domain} is not null or ${partners.website} is not null` : sql`false`,
        ),
      ),
    );
  const match =
    (domain && candidates.find((p) => normaliseDomain(p.domain) === domain || normaliseDomain(p.website) === domain)) ||
    candidates.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (match) {
    const [updated] = await tx
      .update(partners)
      .set({ hubspotCompanyId: company.id, domain: match.domain ?? domain, version: match.version + 1, updatedAt: ctx.now() })
      .where(eq(partners.id, match.id))
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'partner',
      entityId: match.id,
      partnerId: match.id,
      operation: 'update',
      before: match,
      after: updated!,
    });
    count(outcome, 'partners.linked');
    return updated!;
  }
  const [clash] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(sql`lower(${partners.name}) = lower(${name})`)
    .limit(1);
  if (clash) {
    outcome.failures.push({
      object: 'company',
      id: company.id,
      reason: `a partner named "${name}" is already linked to another HubSpot company`,
    });
    return null;
  }
  const [created] = await tx
    .insert(partners)
    .values({ name, domain, hubspotCompanyId: company.id, createdAt: ctx.now(), updatedAt: ctx.now() })
    .returning();
  await recordChange(tx, ctx, {
    entityType: 'partner',
    entityId: created!.id,
    partnerId: created!.id,
    operation: 'create',
    after: created!,
  });
  count(outcome, 'partners.created');
  return created!;
}

async function findRep(
  tx: Tx,
  contactId: string,
  email: string | null | undefined,
  partnerId: string,
  name: string,
): Promise<Rep | null> {
  const [byContact] = await tx.select().from(reps).where(eq(reps.hubspotContactId, contactId)).limit(1);
  if (byContact) return byContact;
  if (email) {
    const [byEmail] = await tx.select().from(reps).where(sql`lower(${reps.email}) = ${email}`).limit(1);
    if (byEmail) return byEmail.hubspotContactId ? null : byEmail;
  }
  const [byName] = await tx
    .select()
    .from(reps)
    .where(and(eq(reps.partnerId, partnerId), sql`lower(${reps.name}) = lower(${name})`, isNull(reps.hubspotContactId)))
    .limit(1);
  return byName ?? null;
}

/** Why a rep cannot take these values (the unique rules of reps), or null. */
async function uniqueClash(tx: Tx, fields: { partnerId: string; name: string; email: string | null }, exceptId: string | null) {
  const others = await tx
    .select({ id: reps.id, email: reps.email, partnerId: reps.partnerId, name: reps.name })
    .from(reps)
    .where(
      or(
        and(eq(reps.partnerId, fields.partnerId), sql`lower(${reps.name}) = lower(${fields.name})`),
        fields.email ? sql`lower(${reps.email}) = ${fields.email}` : sql`false`,
      ),
    );
  const other = others.find((r) => r.id !== exceptId);
  if (!other) return null;
  return other.email?.toLowerCase() === fields.email
    ? `another rep already has the email ${fields.email}`
    : `the partner already has a rep named "${fields.name}"`;
}

/**
 * Applies one page of partner-sales-rep contacts inside the caller's transaction. HubSpot wins for the
 * fields it owns (name, email, title, tier, quality, company); the tracker's own fields are never
 * touched. A record that cannot apply is reported, and the rest of the page still applies.
 */
export async function applyContactsPage(
  tx: Tx,
  ctx: ServiceContext,
  page: ContactsPage,
): Promise<PageOutcome & { partnerIds: Set<string> }> {
  const outcome = emptyOutcome();
  const partnerIds = new Set<string>();
  const partnerOfCompany = new Map<string, Partner | null>();
  for (const contact of page.contacts) {
    if (!isPartnerSalesRep(contact.properties)) {
      count(outcome, 'reps.skipped');
      continue;
    }
    let partner: Partner | null = null;
    for (const companyId of page.companiesOf.get(contact.id) ?? []) {
      const company = page.companies.get(companyId);
      if (!company) continue;
      if (!partnerOfCompany.has(companyId)) partnerOfCompany.set(companyId, await partnerForCompany(tx, ctx, company, outcome));
      partner = partnerOfCompany.get(companyId) ?? null;
      if (partner) break;
    }
    if (!partner) {
      outcome.failures.push({
        object: 'contact',
        id: contact.id,
        reason: 'no associated company matches a partner: a rep needs one',
      });
      continue;
    }
    partnerIds.add(partner.id);
    const { rep: incoming, issues } = repFromContact(contact.id, contact.properties);
    for (const issue of issues) outcome.failures.push({ object: 'contact', id: contact.id, reason: issue.reason });
    const current = await findRep(tx, contact.id, incoming.email, partner.id, incoming.name!);
    const desired = { ...incoming, partnerId: partner.id };
    const clash = await uniqueClash(
      tx,
      { partnerId: partner.id, name: desired.name!, email: desired.email ?? null },
      current?.id ?? null,
    );
    if (clash) {
      outcome.failures.push({ object: 'contact', id: contact.id, reason: clash });
      continue;
    }
    if (!current) {
      const [created] = await tx
        .insert(reps)
        .values({ ...desired, name: desired.name!, hubspotContactId: contact.id, createdAt: ctx.now(), updatedAt: ctx.now() })
        .returning();
      await recordChange(tx, ctx, {
        entityType: 'rep',
        entityId: created!.id,
        partnerId: partner.id,
        operation: 'create',
        after: created!,
      });
      count(outcome, 'reps.created');
      partnerIds.add(partner.id);
      continue;
    }
    const changes = repChanges(current, desired);
    const link = current.hubspotContactId === contact.id ? {} : { hubspotContactId: contact.id };
    if (Object.keys(changes).length === 0 && Object.keys(link).length === 0) {
      count(outcome, 'reps.unchanged');
      continue;
    }
    const [updated] = await tx
      .update(reps)
      .set({ ...changes, ...link, version: current.version + 1, updatedAt: ctx.now() })
      .where(eq(reps.id, current.id))
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'rep',
      entityId: current.id,
      partnerId: partner.id,
      operation: 'update',
      before: current,
      after: updated!,
    });
    count(outcome, 'reps.updated');
    partnerIds.add(partner.id);
    partnerIds.add(current.partnerId);
  }
  return { ...outcome, partnerIds };
}

/** The reps already linked to these contacts (for deals: which contacts are reps). */
export async function repsByContact(tx: Tx, contactIds: string[]): Promise<Map<string, Rep>> {
  if (contactIds.length === 0) return new Map();
  const rows = await tx.select().from(reps).where(inArray(reps.hubspotContactId, contactIds));
  return new Map(rows.map((r) => [r.hubspotContactId!, r]));
}
