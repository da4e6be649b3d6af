import type { HubSpotConnectionDto, SaveHubSpotConnectionRequest } from '@ptrack/contracts';
import { AppError, type DealStageMap } from '@ptrack/domain';
import { createHubSpotApi, type HubSpotApi, type HubSpotConfig } from '@ptrack/integrations';
import { type Executor, hubspotConnection } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';

export type HubSpotConnection = typeof hubspotConnection.$inferSelect;

/** Test seams: the retry waits (HubSpot's are seconds) and the limits, without touching the stored connection. */
export type HubSpotApiOverrides = Partial<Pick<HubSpotConfig, 'retry' | 'requestsPer10s' | 'searchPerSecond'>>;

export async function loadConnection(tx: Executor): Promise<HubSpotConnection> {
  const rows = await tx.select().from(hubspotConnection).where(eq(hubspotConnection.id, 1));
  if (rows[0]) return rows[0];
  await tx.insert(hubspotConnection).values({ id: 1 }).onConflictDoNothing();
  const created = await tx.select().from(hubspotConnection).where(eq(hubspotConnection.id, 1));
  return created[0]!;
}

export function toConnectionDto(c: HubSpotConnection): HubSpotConnectionDto {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    configured: Boolean(c.accessToken),
    // Never the token itself (issue 6): its last 4 characters let a user tell which one is stored.
    tokenHint: c.accessToken ? `…${c.accessToken.slice(-4)}` : null,
    clientSecretConfigured: Boolean(c.clientSecret),
    baseUrl: c.baseUrl,
    stageMap: c.stageMap as DealStageMap,
    pushRepEdits: c.pushRepEdits,
    requestsPer10s: c.requestsPer10s,
    searchPerSecond: c.searchPerSecond,
    setupAt: iso(c.setupAt),
    contactsCursor: iso(c.contactsCursor),
    dealsCursor: iso(c.dealsCursor),
    lastPushAt: iso(c.lastPushAt),
    version: c.version,
  };
}

export async function getHubSpotConnection(ctx: ServiceContext): Promise<HubSpotConnectionDto> {
  return inTransaction(ctx, async (tx) => toConnectionDto(await loadConnection(tx)));
}

/** Stores the token, secret and options. A new token or address clears the incremental cursors. */
export async function saveHubSpotConnection(
  ctx: ServiceContext,
  input: SaveHubSpotConnectionRequest,
): Promise<HubSpotConnectionDto> {
  return inTransaction(ctx, async (tx) => {
    const current = await loadConnection(tx);
    if (input.version !== undefined && input.version !== current.version) {
      throw new AppError('VERSION_CONFLICT', `The HubSpot connection is at version ${current.version}, not ${input.version}`, {
        current: toConnectionDto(current),
      });
    }
    const { version: _version, token, ...options } = input;
    const account =
      (token !== undefined && token !== current.accessToken) || (options.baseUrl && options.baseUrl !== current.baseUrl);
    const [updated] = await tx
      .update(hubspotConnection)
      .set({
        ...options,
        ...(token !== undefined ? { accessToken: token } : {}),
        ...(account ? { contactsCursor: null, dealsCursor: null, setupAt: null, lastPushAt: null } : {}),
        version: current.version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(hubspotConnection.id, 1))
      .returning();
    // The audit log says THAT the token changed (or where it is sent), never the token.
    if (token !== undefined && token !== current.accessToken)
      await audit(ctx, 'secret-changed', { fields: ['hubspot.token'] }, tx);
    const changed = Object.keys(options).filter(
      (k) => JSON.stringify(options[k as keyof typeof options]) !== JSON.stringify(current[k as keyof typeof current]),
    );
    if (changed.length > 0) await audit(ctx, 'settings-changed', { fields: changed.map((k) => `hubspot.${k}`) }, tx);
    return toConnectionDto(updated!);
  });
}

/** The API client of a stored connection; refuses when no token is stored. */
export function hubspotApiFor(connection: HubSpotConnection, overrides: HubSpotApiOverrides = {}): HubSpotApi {
  if (!connection.accessToken) {
    throw AppError.validation(
      [{ field: 'token', message: 'no HubSpot private-app token is stored: connect first (ptrack hubspot connect --token …)' }],
      'HubSpot is not connected',
    );
  }
  return createHubSpotApi({
    accessToken: connection.accessToken,
    baseUrl: connection.baseUrl,
    requestsPer10s: overrides.requestsPer10s ?? connection.requestsPer10s,
    searchPerSecond: overrides.searchPerSecond ?? connection.searchPerSecond,
    ...(overrides.retry ? { retry: overrides.retry } : {}),
  });
}

/** The connection read outside any long transaction: HubSpot calls must not hold one open. */
export async function readConnection(ctx: ServiceContext): Promise<HubSpotConnection> {
  return inTransaction(ctx, (tx) => loadConnection(tx));
}
