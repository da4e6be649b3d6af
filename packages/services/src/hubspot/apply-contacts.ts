import { defined, isPartnerSalesRep, normaliseDomain, repChanges, repFromContact } from '@ptrack/domain';
import type { HubSpotRecord } from '@ptrack/integrations';
import { partners, reps, sqlArray, type Tx } from '@ptrack/storage';
import { and, isNull, or, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context';
import { partnerWriter, repWriter } from '../writes/writers';
import { type ContactsPage, count, emptyOutcome, type PageOutcome } from './sync-types';

type Partner = typeof partners.$inferSelect;
type Rep = typeof reps.$inferSelect;
type NewRep = typeof reps.$inferInsert & { id: string; name: string; partnerId: string };

const lower = (s: string) => s.toLowerCase();
const companyName = (c: HubSpotRecord, domain: string | null) => c.properties.name?.trim() || domain || `HubSpot company ${c.id}`;
const companyDomain = (c: HubSpotRecord) => normaliseDomain(c.properties.domain) ?? normaliseDomain(c.properties.website);

/**
 * The partners of a page's companies: the one linked by id, else an unlinked one with the same domain
 * or name (then linked), else a new partner. Only companies with partner-sales-rep contacts get here,
 * so HubSpot's other companies never turn into partners. All lookups are a few queries per page.
 */
async function partnersForCompanies(
  tx: Tx,
  ctx: ServiceContext,
  page: ContactsPage,
  outcome: PageOutcome,
  changed: Set<string>,
): Promise<Map<string, Pick<Partner, 'id'>>> {
  const ws = { tx, ctx };
  const companyIds = [...new Set(page.contacts.flatMap((c) => page.companiesOf.get(c.id) ?? []))].filter((id) =>
    page.companies.has(id),
  );
  const result = new Map<string, Pick<Partner, 'id'>>();
  if (companyIds.length === 0) return result;
  for (const p of await tx
    .select()
    .from(partners)
    .where(sql`${partners.hubspotCompanyId} = any(${sqlArray(companyIds, 'text')})`))
    if (p.hubspotCompanyId) result.set(p.hubspotCompanyId, p);
  const unlinked = companyIds.filter((id) => !result.has(id)).map((id) => defined(page.companies.get(id)));
  if (unlinked.length === 0) return result;

  const wanted = unlinked.map((c) => {
    const domain = companyDomain(c);
    return { company: c, domain, name: companyName(c, domain) };
  });
  const names = wanted.map((w) => lower(w.name));
  const domains = new Set(wanted.map((w) => w.domain).filter((d): d is string => d !== null));
  const existing = await tx
    .select()
    .from(partners)
    .where(
      or(
        sql`lower(${partners.name}) = any(${sqlArray(names, 'text')})`,
        domains.size > 0
          ? and(isNull(partners.hubspotCompanyId), sql`(${partners.domain} is not null or ${partners.website} is not null)`)
          : sql`false`,
      ),
    );
  const byName = new Map(existing.map((p) => [lower(p.name), p]));
  const byDomain = new Map<string, Partner>();
  for (const p of existing) {
    if (p.hubspotCompanyId) continue;
    for (const d of [normaliseDomain(p.domain), normaliseDomain(p.website)]) if (d && !byDomain.has(d)) byDomain.set(d, p);
  }
  const toCreate: (typeof partners.$inferInsert)[] = [];
  for (const { company, domain, name } of wanted) {
    const named = byName.get(lower(name));
    const match = (domain ? byDomain.get(domain) : undefined) ?? (named && !named.hubspotCompanyId ? named : undefined);
    if (match && !match.hubspotCompanyId) {
      const updated = await partnerWriter.update(ws, match, { hubspotCompanyId: company.id, domain: match.domain ?? domain });
      count(outcome, 'partners.linked');
      changed.add(match.id);
      result.set(company.id, updated);
      byName.set(lower(updated.name), updated);
      if (domain) byDomain.delete(domain);
      continue;
    }
    if (named) {
      outcome.failures.push({
        object: 'company',
        id: company.id,
        reason: `a partner named "${name}" is already linked to another HubSpot company`,
      });
      continue;
    }
    toCreate.push({ name, domain, hubspotCompanyId: company.id, createdAt: ctx.now(), updatedAt: ctx.now() });
    // Two companies of one name in a page: the second is reported, never a constraint error.
    byName.set(lower(name), { name, hubspotCompanyId: company.id } as Partner);
  }
  for (const created of await partnerWriter.insertMany(ws, toCreate)) {
    count(outcome, 'partners.created');
    changed.add(created.id);
    if (created.hubspotCompanyId) result.set(created.hubspotCompanyId, created);
  }
  return result;
}

/** The reps a page can touch: by contact id, by email, and every rep of the page's partners (for name clashes). */
async function repsInReach(tx: Tx, contactIds: string[], emails: string[], partnerIds: string[]): Promise<Rep[]> {
  return tx
    .select()
    .from(reps)
    .where(
      or(
        contactIds.length ? sql`${reps.hubspotContactId} = any(${sqlArray(contactIds, 'text')})` : sql`false`,
        emails.length ? sql`lower(${reps.email}) = any(${sqlArray(emails, 'text')})` : sql`false`,
        partnerIds.length ? sql`${reps.partnerId} = any(${sqlArray(partnerIds, 'uuid')})` : sql`false`,
      ),
    );
}

/**
 * Applies one page of partner-sales-rep contacts inside the caller's transaction. HubSpot wins for the
 * fields it owns (name, email, title, tier, quality, company); the tracker's own fields are never
 * touched. A record that cannot apply is reported, and the rest of the page still applies. Reads are a
 * few set queries per page and new reps go in as one insert, so a page costs little more than its size.
 */
export async function applyContactsPage(
  tx: Tx,
  ctx: ServiceContext,
  page: ContactsPage,
): Promise<PageOutcome & { partnerIds: Set<string> }> {
  const ws = { tx, ctx };
  const outcome = emptyOutcome();
  // The partners whose rollups this page changes (refreshed by the caller).
  const partnerIds = new Set<string>();
  const contacts = page.contacts.filter((c) => isPartnerSalesRep(c.properties));
  const partnerOf = await partnersForCompanies(tx, ctx, { ...page, contacts }, outcome, partnerIds);

  const mapped = contacts.map((c) => ({ contact: c, ...repFromContact(c.id, c.properties) }));
  const known = await repsInReach(
    tx,
    contacts.map((c) => c.id),
    mapped.map((m) => m.rep.email).filter((e): e is string => Boolean(e)),
    [...new Set([...partnerOf.values()].map((p) => p.id))],
  );
  // Indexes over the reps as they will be after this page, updated as each contact applies.
  const byContact = new Map<string, Rep | NewRep>();
  const byEmail = new Map<string, Rep | NewRep>();
  const byPartnerName = new Map<string, Rep | NewRep>();
  const index = (r: Rep | NewRep) => {
    if (r.hubspotContactId) byContact.set(r.hubspotContactId, r);
    if (r.email) byEmail.set(lower(r.email), r);
    byPartnerName.set(`${r.partnerId}|${lower(r.name)}`, r);
  };
  const unindex = (r: Rep | NewRep) => {
    if (r.email && byEmail.get(lower(r.email)) === r) byEmail.delete(lower(r.email));
    if (byPartnerName.get(`${r.partnerId}|${lower(r.name)}`) === r) byPartnerName.delete(`${r.partnerId}|${lower(r.name)}`);
  };
  for (const r of known) index(r);

  const toInsert: NewRep[] = [];
  for (const { contact, rep: incoming, issues } of mapped) {
    const partner = (page.companiesOf.get(contact.id) ?? []).map((id) => partnerOf.get(id)).find(Boolean);
    if (!partner) {
      outcome.failures.push({
        object: 'contact',
        id: contact.id,
        reason: 'no associated company matches a partner: a rep needs one',
      });
      continue;
    }
    for (const issue of issues) outcome.failures.push({ object: 'contact', id: contact.id, reason: issue.reason });
    const email = incoming.email ?? null;
    const name = incoming.name;
    const viaEmail = email ? byEmail.get(email) : undefined;
    const viaName = byPartnerName.get(`${partner.id}|${lower(name)}`);
    const current =
      byContact.get(contact.id) ??
      (viaEmail && !viaEmail.hubspotContactId ? viaEmail : undefined) ??
      (viaName && !viaName.hubspotContactId ? viaName : undefined);
    const clash =
      viaEmail && viaEmail !== current
        ? `another rep already has the email ${email}`
        : viaName && viaName !== current
          ? `the partner already has a rep named "${name}"`
          : null;
    if (clash) {
      outcome.failures.push({ object: 'contact', id: contact.id, reason: clash });
      continue;
    }
    const desired = { ...incoming, name, partnerId: partner.id };
    if (!current) {
      const created: NewRep = {
        ...desired,
        id: `new:${contact.id}`,
        hubspotContactId: contact.id,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      };
      toInsert.push(created);
      index(created);
      continue;
    }
    if (current.id.startsWith('new:')) {
      // The same contact twice in one page (HubSpot lists each once; a defensive no-op).
      count(outcome, 'reps.unchanged');
      continue;
    }
    const before = current as Rep;
    const changes = repChanges(before, desired);
    const link = before.hubspotContactId === contact.id ? {} : { hubspotContactId: contact.id };
    if (Object.keys(changes).length === 0 && Object.keys(link).length === 0) {
      count(outcome, 'reps.unchanged');
      continue;
    }
    const updated = await repWriter.update(ws, before, { ...changes, ...link });
    unindex(before);
    index(updated);
    count(outcome, 'reps.updated');
    partnerIds.add(before.partnerId);
    partnerIds.add(partner.id);
  }
  const rows = toInsert.map(({ id: _placeholder, ...row }) => row);
  for (const created of await repWriter.insertMany(ws, rows)) {
    count(outcome, 'reps.created');
    partnerIds.add(created.partnerId);
  }
  return { ...outcome, partnerIds };
}

/** The reps already linked to these contacts (for deals: which contacts are reps). */
export async function repsByContact(tx: Tx, contactIds: string[]): Promise<Map<string, Rep>> {
  if (contactIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(reps)
    .where(sql`${reps.hubspotContactId} = any(${sqlArray(contactIds, 'text')})`);
  return new Map(rows.flatMap((r) => (r.hubspotContactId ? [[r.hubspotContactId, r] as const] : [])));
}
