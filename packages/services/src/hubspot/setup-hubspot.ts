import type { HubSpotSetupResult } from '@ptrack/contracts';
import { COMPANY_PROPERTIES, CONTACT_PROPERTIES, HUBSPOT_GROUP } from '@ptrack/domain';
import { hubspotConnection } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { type HubSpotApiOverrides, hubspotApiFor, readConnection } from './hubspot-connection';

/** Proves the token and address with one authenticated read. */
export async function testHubSpotConnection(ctx: ServiceContext, overrides: HubSpotApiOverrides = {}) {
  authorize(ctx, 'integrations:manage');
  const api = hubspotApiFor(ctx.database.secrets, await readConnection(ctx), overrides);
  await api.testConnection();
  return { ok: true as const, requests: api.stats.requests };
}

/**
 * Creates the custom properties the sync needs when they are missing (Properties API): the rep tag,
 * tier and quality on contacts, the partner aggregates on companies. Safe to run again.
 */
export async function setupHubSpotProperties(
  ctx: ServiceContext,
  overrides: HubSpotApiOverrides = {},
): Promise<HubSpotSetupResult> {
  authorize(ctx, 'integrations:manage');
  const api = hubspotApiFor(ctx.database.secrets, await readConnection(ctx), overrides);
  const created: string[] = [];
  const existing: string[] = [];
  for (const [type, defs] of [
    ['contacts', CONTACT_PROPERTIES],
    ['companies', COMPANY_PROPERTIES],
  ] as const) {
    const names = await api.propertyNames(type);
    for (const def of defs) {
      const label = `${type}.${def.name}`;
      if (names.has(def.name)) existing.push(label);
      else if (await api.createProperty(type, HUBSPOT_GROUP[type], def)) created.push(label);
      else existing.push(label); // created meanwhile (409)
    }
  }
  await inTransaction(ctx, (tx) => tx.update(hubspotConnection).set({ setupAt: ctx.now() }).where(eq(hubspotConnection.id, 1)));
  return { created, existing };
}
