import type { HubSpotRunReport } from '@ptrack/contracts';
import { AppError, type DealStageMap, defined } from '@ptrack/domain';
import type { HubSpotApi } from '@ptrack/integrations';
import { ANALYZE_AFTER_ROWS, analyzeAfterBulkLoad, hubspotConnection, type Tx } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorizeEveryPartner } from '../access/authorize';
import { inTransaction, type ServiceContext, systemActor } from '../context';
import { loadSettings, statsClock } from '../settings';
import { refreshTaken, takeStale } from '../writes/stale-rollups';
import { applyContactsPage } from './apply-contacts';
import { applyDealsPage } from './apply-deals';
import {
  type Fetched,
  fetchAllContacts,
  fetchAllDeals,
  fetchChangedContacts,
  fetchChangedDeals,
  type PhaseCursor,
} from './fetch-pages';
import { type HubSpotApiOverrides, hubspotApiFor, readConnection } from './hubspot-connection';
import { finishRun, type HubSpotRun, recordPage, startRun, toRunReport } from './hubspot-runs';
import type { ContactsPage, DealsPage, PageOutcome } from './sync-types';

export type SyncHubSpotOptions = {
  mode: 'full' | 'incremental';
  api?: HubSpotApiOverrides;
  /** Called after each page commits (tests interrupt a sync here to prove it resumes). */
  afterPage?: (pagesApplied: number) => void;
};

type Phase = {
  name: string;
  fetch: (ctx: ServiceContext, api: HubSpotApi, cursor: PhaseCursor) => Promise<Fetched<ContactsPage | DealsPage>>;
  apply: (tx: Tx, ctx: ServiceContext, page: ContactsPage | DealsPage) => Promise<PageOutcome & { partnerIds: Set<string> }>;
};

// Records changed while a full pull ran are caught by the next incremental one: its cursor starts a
// little before the full pull did, to absorb clock skew between HubSpot and this machine.
const CURSOR_SKEW_MS = 5 * 60_000;

function phasesOf(kind: 'full' | 'incremental', stageMap: DealStageMap): Phase[] {
  const contacts = (fetch: Phase['fetch'], name: string): Phase => ({
    name,
    fetch,
    apply: (tx, ctx, page) => applyContactsPage(tx, ctx, page as ContactsPage),
  });
  const deals = (fetch: Phase['fetch'], name: string): Phase => ({
    name,
    fetch,
    apply: (tx, ctx, page) => applyDealsPage(tx, ctx, page as DealsPage, { stageMap, currencyDigits: 2 }),
  });
  return kind === 'full'
    ? [contacts(fetchAllContacts, 'contacts'), deals(fetchAllDeals, 'deals')]
    : [contacts(fetchChangedContacts, 'contacts'), deals(fetchChangedDeals, 'deals')];
}

/**
 * Pulls reps, partner companies and deals from HubSpot. Each page is applied in one transaction
 * together with the run's cursor, so an interrupted sync resumes after its last whole page and never
 * half-applies one; re-applying a page changes nothing (records are keyed by HubSpot ids). Records
 * that cannot apply are listed in the report's `failed`, not fatal. Changes are recorded in the
 * history with source "hubspot". An incremental sync with no cursor yet runs as a full one.
 */
export async function syncHubSpot(ctx: ServiceContext, options: SyncHubSpotOptions): Promise<HubSpotRunReport> {
  await authorizeEveryPartner(ctx, 'integrations:run');
  // One pull at a time per process (a scheduled job and a click): a second would resume the same run.
  if (pulling.has(ctx.database))
    throw new AppError('CONFLICTING_STATE', 'A HubSpot sync is already running; wait for it to finish');
  pulling.add(ctx.database);
  try {
    return await pull(ctx, options);
  } finally {
    pulling.delete(ctx.database);
  }
}

const pulling = new WeakSet<object>();

async function pull(ctx: ServiceContext, options: SyncHubSpotOptions): Promise<HubSpotRunReport> {
  const connection = await readConnection(ctx);
  const api = hubspotApiFor(ctx.database.secrets, connection, options.api);
  const kind = options.mode === 'incremental' && connection.contactsCursor && connection.dealsCursor ? 'incremental' : 'full';
  const { run, resumed } = await startRun(ctx, kind);
  const hubspotCtx: ServiceContext = { ...ctx, actor: systemActor('HubSpot sync', 'hubspot') };
  const phases = phasesOf(kind, connection.stageMap as DealStageMap);
  const since = { contacts: connection.contactsCursor?.toISOString(), deals: connection.dealsCursor?.toISOString() };
  let cursor = run.cursor as { phase?: string; at?: PhaseCursor; maxModified?: Record<string, string> };
  let counted = 0;
  let pages = 0;
  let pending: Promise<Fetched<ContactsPage | DealsPage>> | null = null;
  // The partners whose figures (rep counts, Jordans, performance) the pages changed: refreshed once at
  // the end, in one pass, rather than with every page (a quarter of a first sync's database time).
  const touched = new Set<string>();
  let created = 0;
  try {
    for (
      let i = Math.max(
        0,
        phases.findIndex((p) => p.name === cursor.phase),
      );
      i < phases.length;
      i++
    ) {
      const phase = defined(phases[i]);
      const at: PhaseCursor | null =
        cursor.phase === phase.name && cursor.at
          ? cursor.at
          : { since: phase.name === 'contacts' ? since.contacts : since.deals };
      pending = at ? phase.fetch(ctx, api, at) : null;
      while (pending) {
        const { page, next, maxModified } = await pending;
        // The next page is fetched while this one is written: HubSpot's rate limit, not the database, sets the pace.
        pending = next ? phase.fetch(ctx, api, next) : null;
        // The newest change seen in this phase: where the next incremental pull starts once the run is whole.
        const newest = maxModified ? { [phase.name]: maxModified } : {};
        const nextCursor = next
          ? { phase: phase.name, at: next, maxModified: cursor.maxModified }
          : { phase: phases[i + 1]?.name ?? 'done', maxModified: { ...cursor.maxModified, ...newest } };
        const requests = api.stats.requests - counted;
        await inTransaction(hubspotCtx, async (tx) => {
          const outcome = await phase.apply(tx, hubspotCtx, page);
          for (const id of [...outcome.partnerIds, ...takeStale(tx)]) touched.add(id);
          for (const [key, n] of Object.entries(outcome.counts)) if (key.endsWith('.created')) created += n;
          await recordPage(tx, run.id, nextCursor, outcome, requests);
        });
        counted += requests;
        cursor = nextCursor;
        options.afterPage?.(++pages);
      }
    }
    // A resumed run cannot know what the interrupted one touched: it refreshes every partner.
    await refreshFigures(ctx, resumed ? { all: true } : [...touched], created >= ANALYZE_AFTER_ROWS);
    await advanceCursors(ctx, kind, run, cursor.maxModified ?? {});
    return toRunReport(await finishRun(ctx, run.id, { status: 'succeeded', requests: api.stats.requests - counted }), resumed);
  } catch (error) {
    // A page fetched ahead is dropped (the cursor never moved past it), but not left running.
    await pending?.catch(() => undefined);
    await refreshFigures(ctx, [...touched]).catch(() => undefined);
    await finishRun(ctx, run.id, { status: 'failed', error: (error as Error).message, requests: api.stats.requests - counted });
    throw error;
  }
}

async function refreshFigures(ctx: ServiceContext, partnerId: string[] | { all: true }, bulkLoaded = false): Promise<void> {
  if (Array.isArray(partnerId) && partnerId.length === 0) return;
  await inTransaction(ctx, async (tx) => {
    // After thousands of new rows the planner's statistics would still describe the tables before
    // them (the embedded database has no autovacuum): measured, the refresh of a first sync of 2,000
    // partners took 1.9 s before ANALYZE and 0.6 s after it (plus 0.3 s for the ANALYZE).
    if (bulkLoaded) await analyzeAfterBulkLoad(tx);
    const settings = await loadSettings(tx);
    await refreshTaken(tx, statsClock(settings, ctx.now()), partnerId);
  });
}

/** After a whole pull: the next incremental one searches from here. */
async function advanceCursors(
  ctx: ServiceContext,
  kind: 'full' | 'incremental',
  run: HubSpotRun,
  maxModified: Record<string, string>,
) {
  await inTransaction(ctx, async (tx) => {
    if (kind === 'full') {
      const from = new Date(run.startedAt.getTime() - CURSOR_SKEW_MS);
      await tx.update(hubspotConnection).set({ contactsCursor: from, dealsCursor: from }).where(eq(hubspotConnection.id, 1));
      return;
    }
    const date = (v: string | undefined) => (v && !Number.isNaN(Date.parse(v)) ? new Date(Date.parse(v)) : undefined);
    const contacts = date(maxModified.contacts);
    const deals = date(maxModified.deals);
    if (contacts || deals)
      await tx
        .update(hubspotConnection)
        .set({ ...(contacts ? { contactsCursor: contacts } : {}), ...(deals ? { dealsCursor: deals } : {}) })
        .where(eq(hubspotConnection.id, 1));
  });
}
