import type { HubSpotRunReport } from '@ptrack/contracts';
import { companyAggregateProperties, REP_PROPERTY } from '@ptrack/domain';
import { changeHistory, hubspotConnection, partnerStats, partners, reps } from '@ptrack/storage';
import { and, eq, gt, inArray, isNotNull, ne } from 'drizzle-orm';
import { authorizeEveryPartner } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { calendarOf, loadSettings } from '../settings';
import { type HubSpotApiOverrides, hubspotApiFor, readConnection } from './hubspot-connection';
import { finishRun, recordPage, startRun, toRunReport } from './hubspot-runs';
import { emptyOutcome } from './sync-types';

const PUSHED_REP_FIELDS = ['engagementTier', 'qualityScore'];

/**
 * Pushes partner aggregates to the linked HubSpot companies (batch update, 100 per call) and, when
 * enabled, tier and quality edits made in the tracker since the last push back to the contacts. An
 * edit that came from HubSpot (history source "hubspot") is never echoed back.
 */
export async function pushHubSpot(ctx: ServiceContext, options: { api?: HubSpotApiOverrides } = {}): Promise<HubSpotRunReport> {
  await authorizeEveryPartner(ctx, 'integrations:run');
  const connection = await readConnection(ctx);
  const api = hubspotApiFor(ctx.database.secrets, connection, options.api);
  const startedAt = ctx.now();
  const { run } = await startRun(ctx, 'push');
  try {
    const { companies, contacts } = await inTransaction(ctx, async (tx) => {
      const settings = await loadSettings(tx);
      const { today } = calendarOf(settings, ctx.now());
      const rows = await tx
        .select({ companyId: partners.hubspotCompanyId, baseline: partners.baseline, s: partnerStats })
        .from(partners)
        .innerJoin(partnerStats, eq(partnerStats.partnerId, partners.id))
        .where(isNotNull(partners.hubspotCompanyId));
      const companies = rows.flatMap(({ companyId, baseline, s }) =>
        companyId === null
          ? []
          : [
              {
                id: companyId,
                properties: companyAggregateProperties(
                  {
                    tier1Reps: s.tier1Reps,
                    tier2Reps: s.tier2Reps,
                    tier3Reps: s.tier3Reps,
                    tier4Reps: s.tier4Reps,
                    jordanCount: s.jordanCount,
                    nextActionDate: s.nextActionDate,
                    lastTouchDate: s.lastTouchDate,
                    planStatus: s.planStatus,
                    introsMade: s.introsMade + (baseline.introsMade ?? 0),
                    dealsBroughtIn: s.dealsBroughtIn + (baseline.dealsBroughtIn ?? 0),
                    closedWon: s.closedWon + (baseline.closedWon ?? 0),
                    pipelineValueMinor: s.pipelineValueMinor + (baseline.pipelineValueMinor ?? 0),
                  },
                  today,
                ),
              },
            ],
      );
      if (!connection.pushRepEdits) return { companies, contacts: [] };
      const edited = await tx
        .selectDistinct({ id: changeHistory.entityId })
        .from(changeHistory)
        .where(
          and(
            eq(changeHistory.entityType, 'rep'),
            inArray(changeHistory.field, PUSHED_REP_FIELDS),
            ne(changeHistory.source, 'hubspot'),
            connection.lastPushAt ? gt(changeHistory.at, connection.lastPushAt) : undefined,
          ),
        );
      const repRows = edited.length
        ? await tx
            .select()
            .from(reps)
            .where(
              and(
                inArray(
                  reps.id,
                  edited.map((e) => e.id),
                ),
                isNotNull(reps.hubspotContactId),
              ),
            )
        : [];
      const contacts = repRows.flatMap((r) =>
        r.hubspotContactId === null
          ? []
          : [
              {
                id: r.hubspotContactId,
                properties: {
                  [REP_PROPERTY.engagementTier]: r.engagementTier === null ? '' : String(r.engagementTier),
                  [REP_PROPERTY.qualityScore]: r.qualityScore === null ? '' : String(r.qualityScore),
                },
              },
            ],
      );
      return { companies, contacts };
    });
    const outcome = emptyOutcome();
    for (const [object, inputs] of [
      ['company', companies],
      ['contact', contacts],
    ] as const) {
      const failures = await api.batchUpdate(object === 'company' ? 'companies' : 'contacts', inputs);
      outcome.failures.push(...failures.map((f) => ({ object, id: f.id, reason: f.reason })));
      outcome.counts[`${object === 'company' ? 'companies' : 'contacts'}.updated`] = inputs.length - failures.length;
    }
    await inTransaction(ctx, async (tx) => {
      await recordPage(tx, run.id, {}, outcome, api.stats.requests);
      await tx.update(hubspotConnection).set({ lastPushAt: startedAt }).where(eq(hubspotConnection.id, 1));
    });
    return toRunReport(await finishRun(ctx, run.id, { status: 'succeeded', requests: 0 }));
  } catch (error) {
    await finishRun(ctx, run.id, { status: 'failed', error: (error as Error).message, requests: api.stats.requests });
    throw error;
  }
}
