import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Every React Query key of the web app, in one tree. A key is an array and invalidation matches by
 * prefix, so the nesting is meaningful: invalidating `partners.all` refreshes the grid, each partner,
 * the review list and the review's per-partner lists (they all live under ['partners']).
 */
export const queryKeys = {
  session: ['session'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  partners: {
    all: ['partners'] as const,
    count: ['partners', 'count'] as const,
    list: ['partners', 'list'] as const,
    /** One page set of the grid: its view, search, sort and filter (serialised). */
    rows: (view: string | null, q: string, sort: string, filter: string) => ['partners', 'list', view, q, sort, filter] as const,
    one: (id: string) => ['partners', 'one', id] as const,
    /** The partners offered in pickers (e.g. the invitation form). */
    choices: ['partners', 'choices'] as const,
    reviewList: ['partners', 'review-list'] as const,
    reviewPlans: (id: string) => ['partners', 'review', id, 'plans'] as const,
    reviewReps: (id: string) => ['partners', 'review', id, 'reps'] as const,
    reviewActions: (id: string) => ['partners', 'review', id, 'actions'] as const,
  },
  reps: {
    all: ['reps'] as const,
    ofPartner: (partnerId: string) => ['reps', 'of-partner', partnerId] as const,
    one: (id: string) => ['reps', 'one', id] as const,
  },
  plans: {
    all: ['plans'] as const,
    ofPartner: (partnerId: string) => ['plans', partnerId] as const,
  },
  timeline: {
    all: ['timeline'] as const,
    /** A partner's or a rep's paged source ('touches', 'referrals', 'actions'). */
    of: (owner: { partnerId: string } | { repId: string }, source: string) => ['timeline', owner, source] as const,
    history: (partnerId: string) => ['timeline', partnerId, 'history'] as const,
  },
  today: ['today'] as const,
  views: ['views'] as const,
  settings: ['settings'] as const,
  customFields: {
    all: ['custom-fields'] as const,
    of: (entity: 'partner' | 'rep') => ['custom-fields', entity] as const,
  },
  digestSettings: ['digest-settings'] as const,
  jobs: ['jobs'] as const,
  hubspot: {
    all: ['hubspot'] as const,
    connection: ['hubspot', 'connection'] as const,
    runs: ['hubspot', 'runs'] as const,
  },
  imports: {
    all: ['imports'] as const,
    one: (id: string) => ['imports', id] as const,
    preview: (id: string, version: number) => ['imports', id, 'preview', version] as const,
  },
  dashboard: ['dashboard'] as const,
  accounts: {
    users: ['users'] as const,
    invitations: ['invitations'] as const,
    sessions: ['sessions'] as const,
    tokens: ['tokens'] as const,
    audit: ['audit'] as const,
    auditOf: (kind: string) => ['audit', kind] as const,
  },
};

/**
 * What each kind of write makes stale: the one place to look when a screen shows an old figure after a
 * change elsewhere. The server recomputes rollups (next action, last touch, plan progress, rep figures)
 * on every write, so a write refreshes every list that shows one of them rather than guessing.
 */
export const staleAfter = {
  /** An action done, snoozed or rescheduled from Today: Today and the partner rollups. */
  actionWrite: () => [queryKeys.today, queryKeys.partners.all],
  /**
   * A touch, action, rep or intro added: the partner's rollups, next action, plan progress, rep figures,
   * the timeline and Today all move.
   */
  activity: () => [queryKeys.partners.all, queryKeys.reps.all, queryKeys.plans.all, queryKeys.timeline.all, queryKeys.today],
  /** An action saved from the weekly review (its partner's lists, the grid, the review list, Today). */
  reviewAction: (partnerId: string) => [
    queryKeys.partners.one(partnerId),
    queryKeys.partners.reviewActions(partnerId),
    queryKeys.partners.reviewReps(partnerId),
    queryKeys.partners.list,
    queryKeys.partners.reviewList,
    queryKeys.today,
  ],
  partnerCreated: () => [queryKeys.partners.all],
  /** A partner's fields edited: the grid's rows and the timeline's history (the record itself is set). */
  partnerEdited: () => [queryKeys.partners.list, queryKeys.timeline.all],
  repEdited: (partnerId: string) => [
    queryKeys.reps.ofPartner(partnerId),
    queryKeys.partners.one(partnerId),
    queryKeys.partners.list,
    queryKeys.timeline.all,
  ],
  planSaved: (partnerId: string) => [queryKeys.plans.ofPartner(partnerId), queryKeys.partners.list, queryKeys.timeline.all],
  reviewPlanSaved: (partnerId: string) => [queryKeys.partners.reviewPlans(partnerId), queryKeys.partners.list],
  /** Cadences, bands and time zone feed the rollups, Today and the grid. */
  settingsSaved: () => [queryKeys.partners.all, queryKeys.today],
  customFieldsChanged: () => [queryKeys.customFields.all],
  viewsChanged: () => [queryKeys.views],
  calendarTokenChanged: () => [queryKeys.digestSettings],
  jobRun: () => [queryKeys.jobs],
  /** A HubSpot action reloads its runs; a sync also changes partners (and so Today). */
  hubspotAction: (synced: boolean) =>
    synced ? [queryKeys.hubspot.all, queryKeys.partners.all, queryKeys.today] : [queryKeys.hubspot.all],
  /** Every change on the accounts page is audited: the audit log on the same page shows it too. */
  accountsChanged: (list?: QueryKey) => (list ? [list, queryKeys.accounts.audit] : [queryKeys.accounts.audit]),
} satisfies Record<string, (...args: never[]) => readonly QueryKey[]>;

/** Invalidates every key of one `staleAfter` entry; resolves when the active ones have refetched. */
export function invalidate(client: QueryClient, keys: readonly QueryKey[]): Promise<unknown> {
  return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/** Every query except `except`'s (after an import or a demo load, any list may have changed). */
export function invalidateAllBut(client: QueryClient, except?: QueryKey): Promise<void> {
  const first = except?.[0];
  return client.invalidateQueries(first === undefined ? undefined : { predicate: (query) => query.queryKey[0] !== first });
}

/** Drops every cached query but the session's (a different user signed in: nothing of the last one stays). */
export function removeAllButSession(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
}
