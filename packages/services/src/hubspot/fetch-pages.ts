import { defined, isPartnerSalesRep } from '@ptrack/domain';
import type { HubSpotApi, HubSpotRecord, ListedRecord } from '@ptrack/integrations';
import { SEARCH_RESULT_CAP } from '@ptrack/integrations';
import { partners, sqlArray } from '@ptrack/storage';
import { sql } from 'drizzle-orm';
import { inTransaction, type ServiceContext } from '../context';
import {
  COMPANY_PROPERTIES_READ,
  CONTACT_PROPERTIES_READ,
  type ContactsPage,
  DEAL_PROPERTIES_READ,
  type DealsPage,
} from './sync-types';

/** Where a phase stands: the list cursor (full), or the search window and offset (incremental). */
export type PhaseCursor = { since?: string; after?: string; maxModified?: string };
export type Fetched<P> = { page: P; next: PhaseCursor | null; maxModified?: string | undefined };

const SEARCH_PAGE = 200;

/** An incremental pull starts where the last one stopped: its cursor always has a start (epoch ms for search). */
function modifiedSince(cursor: PhaseCursor): string {
  return String(Date.parse(defined(cursor.since, 'the start of an incremental pull')));
}
// List calls per applied page: 500 records per transaction, and their companies read in a few batches.
const LIST_CALLS_PER_PAGE = 5;
const IS_REP = { propertyName: 'partner_sales_rep', operator: 'EQ', value: 'true' };

const later = (a: string | undefined, b: string | null | undefined) => (!b ? a : !a || Date.parse(b) > Date.parse(a) ? b : a);

/**
 * The next window of a "modified since" search. HubSpot stops a query at 10,000 results, so before an
 * offset would pass that the window restarts at the last modified date seen (sorted ascending).
 */
export function nextWindow(
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

async function contactsWithCompanies(
  ctx: ServiceContext,
  api: HubSpotApi,
  contacts: HubSpotRecord[],
  inline?: Map<string, string[]>,
): Promise<ContactsPage> {
  const companiesOf =
    inline ??
    (contacts.length
      ? await api.associations(
          'contacts',
          'companies',
          contacts.map((c) => c.id),
        )
      : new Map<string, string[]>());
  const companyIds = [...new Set([...companiesOf.values()].flat())];
  // Companies already linked to a partner need no read: the link is all a rep needs.
  const linked = companyIds.length
    ? await inTransaction(ctx, (tx) =>
        tx
          .select({ id: partners.hubspotCompanyId })
          .from(partners)
          .where(sql`${partners.hubspotCompanyId} = any(${sqlArray(companyIds, 'text')})`),
      )
    : [];
  const known = new Set(linked.flatMap((l) => (l.id === null ? [] : [l.id])));
  const toRead = companyIds.filter((id) => !known.has(id));
  const { records } = toRead.length ? await api.batchRead('companies', toRead, COMPANY_PROPERTIES_READ) : { records: [] };
  const companies = new Map(records.map((r) => [r.id, r]));
  for (const id of known) companies.set(id, { id, properties: {} });
  return { contacts, companiesOf, companies };
}

/**
 * Full pull of reps: every contact, listed by ascending id with its companies inline, keeping the
 * partner sales reps. A page is up to five list calls, so the companies it reads come in few batches.
 */
export async function fetchAllContacts(
  ctx: ServiceContext,
  api: HubSpotApi,
  cursor: PhaseCursor,
): Promise<Fetched<ContactsPage>> {
  const { records, after } = await listPages(api, 'contacts', cursor.after, CONTACT_PROPERTIES_READ, ['companies']);
  const reps = records.filter((r) => isPartnerSalesRep(r.properties));
  const page = await contactsWithCompanies(ctx, api, reps, new Map(reps.map((r) => [r.id, r.associations.companies ?? []])));
  return { page, next: after ? { after } : null };
}

async function listPages(
  api: HubSpotApi,
  type: 'contacts' | 'deals',
  from: string | undefined,
  properties: string[],
  associations: ('companies' | 'contacts')[],
) {
  const records: ListedRecord[] = [];
  let after: string | null | undefined = from;
  for (let i = 0; i < LIST_CALLS_PER_PAGE; i++) {
    const result = await api.listPage(type, { after: after ?? undefined, properties, associations });
    records.push(...result.results);
    after = result.after;
    if (!after) break;
  }
  return { records, after: after ?? null };
}

/** Incremental pull of reps: contacts modified since the cursor, oldest change first. */
export async function fetchChangedContacts(
  ctx: ServiceContext,
  api: HubSpotApi,
  cursor: PhaseCursor,
): Promise<Fetched<ContactsPage>> {
  const result = await api.search('contacts', {
    filters: [IS_REP, { propertyName: 'lastmodifieddate', operator: 'GTE', value: modifiedSince(cursor) }],
    sort: { propertyName: 'lastmodifieddate', direction: 'ASCENDING' },
    properties: CONTACT_PROPERTIES_READ,
    limit: SEARCH_PAGE,
    ...(cursor.after ? { after: cursor.after } : {}),
  });
  const page = await contactsWithCompanies(ctx, api, result.results);
  return { page, ...nextWindow(cursor, result.results, result.after, 'lastmodifieddate') };
}

/** Full pull of deals: every deal, listed with its companies and contacts inline; deals of no partner are skipped when applied. */
export async function fetchAllDeals(_ctx: ServiceContext, api: HubSpotApi, cursor: PhaseCursor): Promise<Fetched<DealsPage>> {
  const { records, after } = await listPages(api, 'deals', cursor.after, DEAL_PROPERTIES_READ, ['companies', 'contacts']);
  const deals = records.map((record) => ({
    record,
    companyIds: record.associations.companies ?? [],
    contactIds: record.associations.contacts ?? [],
  }));
  return { page: { deals }, next: after ? { after } : null };
}

/** Incremental pull of deals: modified since the cursor, with their companies and contacts. */
export async function fetchChangedDeals(_ctx: ServiceContext, api: HubSpotApi, cursor: PhaseCursor): Promise<Fetched<DealsPage>> {
  const result = await api.search('deals', {
    filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: modifiedSince(cursor) }],
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
