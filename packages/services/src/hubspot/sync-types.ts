import type { HubSpotRecord } from '@ptrack/integrations';

export type SyncFailure = { object: string; id: string; reason: string };

/** What one page did, added to its run: counts by "<entity>.<created|updated|unchanged>", and failures. */
export type PageOutcome = { counts: Record<string, number>; failures: SyncFailure[] };

export function emptyOutcome(): PageOutcome {
  return { counts: {}, failures: [] };
}

export function count(outcome: PageOutcome, key: string, n = 1): void {
  outcome.counts[key] = (outcome.counts[key] ?? 0) + n;
}

/** A contact with the companies it is associated with, and those companies as read from HubSpot. */
export type ContactsPage = {
  contacts: HubSpotRecord[];
  companiesOf: Map<string, string[]>;
  companies: Map<string, HubSpotRecord>;
};

/** A deal with the partner it belongs to (when known from its company) and its associated contacts. */
export type DealsPage = { deals: { record: HubSpotRecord; companyIds: string[]; contactIds: string[] }[] };

export const CONTACT_PROPERTIES_READ = [
  'firstname',
  'lastname',
  'email',
  'jobtitle',
  'partner_sales_rep',
  'engagement_tier',
  'rep_quality_score',
  'lastmodifieddate',
  'hs_object_id',
];
export const COMPANY_PROPERTIES_READ = ['name', 'domain', 'website'];
export const DEAL_PROPERTIES_READ = [
  'dealname',
  'amount',
  'closedate',
  'pipeline',
  'dealstage',
  'createdate',
  'hs_lastmodifieddate',
];
