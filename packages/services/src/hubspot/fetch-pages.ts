import type { HubSpotApi, HubSpotRecord } from '@ptrack/integrations';
import { SEARCH_RESULT_CAP } from '@ptrack/integrations';
import { partners, reps } from '@ptrack/storage';
import { and, asc, gt, inArray, isNotNull } from 'drizzle-orm';
import { inTransaction, type ServiceContext } from '../context';
import {
  COMPANY_PROPERTIES_READ,
  CONTACT_PROPERTIES_READ,
  type ContactsPage,
  DEAL_PROPERTIES_READ,
  type DealsPage,
} from './sync-types';

/** Where a phase stands: the last id (key-set paging) or the search window (since + offset). */
export type PhaseCursor = { lastId?: string; since?: string; after?: string; maxModified?: string };
export type Fetched<P> = { page: P; next: PhaseCursor | null; maxModified?: string | undefined };

const SEARCH_PAGE = 200;
const CHUNK = 100;
const IS_REP = { propertyName: 'partner_sales_rep', operator: 'EQ', value: 'true' };

const later = (a: string | undefined, b: string | null | undefined) => (!b ? a : !a || Date.parse(b) > Date.parse(a) ? b : a);

/**
 * The next window of a "modified since" search. HubSpot stops a query at 10,000 results, so before an
 * offset would pass that the window restarts at the last modified date seen (sorted ascending).
 */
function nextWindow(
  cursor: PhaseCursor,
  results: HubSpotRecord[],
  after: string | null,
  modifiedProp: string,
): { next: PhaseCursor | null; maxModified: string | undefined } {
  const maxModified = results.reduce<string | undefined>((m, r) => later(m, r.properties[modifiedProp]), cursor.maxModified);
  if (!after) return { next: null, maxModified };
  if (Number(after) + SEARCH_PAGE <= SEARCH_RESULT_CAP) return { next: { ...cursor, after, maxModified }, maxModified };
  const last = results.at(-1)?.properties[modifiedProp];
  const since = last ? new Date(Date.parse(last)).toISOString() : undefined;
  // A window of 10,000 records modified in one millisecond cannot be split by time: say so, never loop.
  if (!since || since === cursor.since)
    throw new Error(`more than ${SEARCH_RESULT_CAP} records modified at ${last}: cannot page further`);
  return { next: { since, maxModified }, maxModified };
}

async function contactsWithCompanies(ctx: ServiceContext, api: HubSpotApi, contacts: HubSpotRecord[]): Promise<ContactsPage> {
  const companiesOf = await api.associations(
    'contacts',
    'companies',
    contacts.map((c) => c.id),
  );
  const companyIds = [...new Set([...companiesOf.values()].flat())];
  // Companies already linked to a partner need no read: the link is all a rep needs.
  const linked = companyIds.length
    ? await inTransaction(ctx, (tx) =>
        tx.select({ id: partners.hubspotCompanyId }).from(partners).where(inArray(partners.hubspotCompanyId, companyIds)),
      )
    : [];
  const known = new Set(linked.map((l) => l.id!));
  const toRead = companyIds.filter((id) => !known.has(id));
  const { records } = toRead.length ? await api.batchRead('companies', toRead, COMPANY_PROPERTIES_READ) : { records: [] };
  const companies = new Map(records.map((r) => [r.id, r]));
  for (const id of known) companies.set(id, { id, properties: {} });
  return { contacts, companiesOf, companies };
}

/** Full pull of reps: every partner-sales-rep contact by ascending id (key-set paging has no 10,000 cap). */
export async function fetchAllContacts(
  ctx: ServiceContext,
  api: HubSpotApi,
  cursor: PhaseCursor,
): Promise<Fetched<ContactsPage>> {
  const result = await api.search('contacts', {
    filters: [IS_REP, ...(cursor.lastId ? [{ propertyName: 'hs_object_id', operator: 'GT', value: cursor.lastId }] : [])],
    sort: { propertyName: 'hs_object_id', direction: 'ASCENDING' },
    properties: CONTACT_PROPERTIES_READ,
    limit: SEARCH_PAGE,
  });
  const page = await contactsWithCompanies(ctx, api, result.results);
  const last = result.results.at(-1);
  return { page, next: result.after && last ? { lastId: last.id } : null };
}

/** Incremental pull of reps: contacts modified since the cursor, oldest change first. */
export async function fetchChangedContacts(
  ctx: ServiceContext,
  api: HubSpotApi,
  cursor: PhaseCursor,
): Promise<Fetched<ContactsPage>> {
  const result = await api.search('contacts', {
    filters: [IS_REP, { propertyName: 'lastmodifieddate', operator: 'GTE', value: String(Date.parse(cursor.since!)) }],
    sort: { propertyName: 'lastmodifieddate', direction: 'ASCENDING' },
    properties: CONTACT_PROPERTIES_READ,
    limit: SEARCH_PAGE,
    ...(cursor.after ? { after: cursor.after } : {}),
  });
  const page = await contactsWithCompanies(ctx, api, result.results);
  return { page, ...nextWindow(cursor, result.results, result.after, 'lastmodifieddate') };
}

async function dealsPage(
  api: HubSpotApi,
  dealIds: string[],
  companiesOfDeal: Map<string, string[]>,
  contactsOfDeal?: Map<string, string[]>,
) {
  const { records } = dealIds.length ? await api.batchRead('deals', dealIds, DEAL_PROPERTIES_READ) : { records: [] };
  const contacts =
    contactsOfDeal ??
    (records.length
      ? await api.associations(
          'deals',
          'contacts',
          records.map((r) => r.id),
        )
      : new Map());
  return {
    deals: records.map((record) => ({
      record,
      companyIds: companiesOfDeal.get(record.id) ?? [],
      contactIds: contacts.get(record.id) ?? [],
    })),
  } satisfies DealsPage;
}

/** Full pull of deals, part 1: the deals of linked partner companies, 100 companies per page. */
export async function fetchCompanyDeals(ctx: ServiceContext, api: HubSpotApi, cursor: PhaseCursor): Promise<Fetched<DealsPage>> {
  const rows = await inTransaction(ctx, (tx) =>
    tx
      .select({ id: partners.hubspotCompanyId })
      .from(partners)
      .where(and(isNotNull(partners.hubspotCompanyId), cursor.lastId ? gt(partners.hubspotCompanyId, cursor.lastId) : undefined))
      .orderBy(asc(partners.hubspotCompanyId))
      .limit(CHUNK),
  );
  const companyIds = rows.map((r) => r.id!);
  if (companyIds.length === 0) return { page: { deals: [] }, next: null };
  const dealsOf = await api.associations('companies', 'deals', companyIds);
  const companiesOfDeal = new Map<string, string[]>();
  for (const [companyId, dealIds] of dealsOf)
    for (const d of dealIds) companiesOfDeal.set(d, [...(companiesOfDeal.get(d) ?? []), companyId]);
  const page = await dealsPage(api, [...companiesOfDeal.keys()], companiesOfDeal);
  return { page, next: { lastId: companyIds.at(-1)! } };
}

/** Full pull of deals, part 2: deals of reps that no linked partner company has (those came in part 1). */
export async function fetchRepDeals(ctx: ServiceContext, api: HubSpotApi, cursor: PhaseCursor): Promise<Fetched<DealsPage>> {
  const rows = await inTransaction(ctx, (tx) =>
    tx
      .select({ id: reps.hubspotContactId })
      .from(reps)
      .where(and(isNotNull(reps.hubspotContactId), cursor.lastId ? gt(reps.hubspotContactId, cursor.lastId) : undefined))
      .orderBy(asc(reps.hubspotContactId))
      .limit(CHUNK),
  );
  const contactIds = rows.map((r) => r.id!);
  if (contactIds.length === 0) return { page: { deals: [] }, next: null };
  const dealsOf = await api.associations('contacts', 'deals', contactIds);
  const contactsOfDeal = new Map<string, string[]>();
  for (const [contactId, dealIds] of dealsOf)
    for (const d of dealIds) contactsOfDeal.set(d, [...(contactsOfDeal.get(d) ?? []), contactId]);
  const candidates = [...contactsOfDeal.keys()];
  const companiesOfDeal = candidates.length
    ? await api.associations('deals', 'companies', candidates)
    : new Map<string, string[]>();
  const allCompanies = [...new Set([...companiesOfDeal.values()].flat())];
  const linked = allCompanies.length
    ? new Set(
        (
          await inTransaction(ctx, (tx) =>
            tx.select({ id: partners.hubspotCompanyId }).from(partners).where(inArray(partners.hubspotCompanyId, allCompanies)),
          )
        ).map((r) => r.id),
      )
    : new Set<string | null>();
  const repOnly = candidates.filter((d) => !(companiesOfDeal.get(d) ?? []).some((c) => linked.has(c)));
  const page = await dealsPage(api, repOnly, companiesOfDeal, contactsOfDeal);
  return { page, next: { lastId: contactIds.at(-1)! } };
}

/** Incremental pull of deals: modified since the cursor, with their companies and contacts. */
export async function fetchChangedDeals(_ctx: ServiceContext, api: HubSpotApi, cursor: PhaseCursor): Promise<Fetched<DealsPage>> {
  const result = await api.search('deals', {
    filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(Date.parse(cursor.since!)) }],
    sort: { propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' },
    properties: DEAL_PROPERTIES_READ,
    limit: SEARCH_PAGE,
    ...(cursor.after ? { after: cursor.after } : {}),
  });
  const ids = result.results.map((r) => r.id);
  const companiesOfDeal = ids.length ? await api.associations('deals', 'companies', ids) : new Map<string, string[]>();
  const contactsOfDeal = ids.length ? await api.associations('deals', 'contacts', ids) : new Map<string, string[]>();
  const page: DealsPage = {
    deals: result.results.map((record) => ({
      record,
      companyIds: companiesOfDeal.get(record.id) ?? [],
      contactIds: contactsOfDeal.get(record.id) ?? [],
    })),
  };
  return { page, ...nextWindow(cursor, result.results, result.after, 'hs_lastmodifieddate') };
}
