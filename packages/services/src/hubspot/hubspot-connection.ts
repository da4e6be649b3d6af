import type { HubSpotConnectionDto, SaveHubSpotConnectionRequest } from '@ptrack/contracts';
import { AppError, type DealStageMap } from '@ptrack/domain';
import { createHubSpotApi, type HubSpotApi, type HubSpotConfig } from '@ptrack/integrations';
import { type Executor, hubspotConnection, one, type SecretBox } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { audit } from '../audit/audit';
import { inTransaction, type ServiceContext } from '../context';

export type HubSpotConnection = typeof hubspotConnection.$inferSelect;

/** Test seams: the retry waits (HubSpot's are seconds) and the limits, without touching the stored connection. */
export type HubSpotApiOverrides = Partial<Pick<HubSpotConfig, 'retry' | 'requestsPer10s' | 'searchPerSecond'>>;

export async function loadConnection(tx: Executor): Promise<HubSpotConnection> {
  const rows = await tx.select().from(hubspotConnection).where(eq(hubspotConnection.id, 1));
  if (rows[0]) return rows[0];
  await tx.insert(hubspotConnection).values({ id: 1 }).onConflictDoNothing();
  return one(tx.select().from(hubspotConnection).where(eq(hubspotConnection.id, 1)), 'the HubSpot connection row');
}

export function toConnectionDto(c: HubSpotConnection, secrets: SecretBox): HubSpotConnectionDto {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  // Never the token itself (issue 6): its last 4 characters let a user tell which one is stored. With
  // the wrong key there is no hint, but the settings still show, so the token can be entered again.
  const token = c.accessToken ? secrets.tryDecrypt(c.accessToken, 'hubspot_connection.access_token') : null;
  return {
    configured: Boolean(c.accessToken),
    tokenHint: token ? `…${token.slice(-4)}` : null,
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
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => toConnectionDto(await loadConnection(tx), ctx.database.secrets));
}

/** Stores the token, secret and options. A new token or address clears the incremental cursors. */
export async function saveHubSpotConnection(
  ctx: ServiceContext,
  input: SaveHubSpotConnectionRequest,
): Promise<HubSpotConnectionDto> {
  authorize(ctx, 'integrations:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await loadConnection(tx);
    if (input.version !== undefined && input.version !== current.version) {
      throw new AppError('VERSION_CONFLICT', `The HubSpot connection is at version ${current.version}, not ${input.version}`, {
        current: toConnectionDto(current, ctx.database.secrets),
      });
    }
    const { version: _version, token, clientSecret, ...options } = input;
    const secrets = ctx.database.secrets;
    const newAddress = options.baseUrl !== undefined && options.baseUrl !== current.baseUrl;
    // The stored token goes to whatever baseUrl says: moving it elsewhere takes someone who knows it.
    if (newAddress && token === undefined && current.accessToken) {
      throw AppError.validation([{ field: 'token', message: 'enter the token again to send it to a new address' }]);
    }
    const storedToken = current.accessToken ? secrets.tryDecrypt(current.accessToken, 'hubspot_connection.access_token') : null;
    const account = (token !== undefined && token !== storedToken) || newAddress;
    const updated = await one(
      tx
        .update(hubspotConnection)
        .set({
          ...options,
          ...(token !== undefined ? { accessToken: token && secrets.encrypt(token, 'hubspot_connection.access_token') } : {}),
          ...(clientSecret !== undefined
            ? { clientSecret: clientSecret && secrets.encrypt(clientSecret, 'hubspot_connection.client_secret') }
            : {}),
          ...(account ? { contactsCursor: null, dealsCursor: null, setupAt: null, lastPushAt: null } : {}),
          version: current.version + 1,
          updatedAt: ctx.now(),
        })
        .where(eq(hubspotConnection.id, 1))
        .returning(),
      'the HubSpot connection row',
    );
    // The audit log says THAT the token changed (or where it is sent), never the token.
    if (token !== undefined && token !== storedToken) await audit(ctx, 'secret-changed', { fields: ['hubspot.token'] }, tx);
    const changed = Object.keys(options).filter(
      (k) => JSON.stringify(options[k as keyof typeof options]) !== JSON.stringify(current[k as keyof typeof current]),
    );
    if (changed.length > 0) await audit(ctx, 'settings-changed', { fields: changed.map((k) => `hubspot.${k}`) }, tx);
    return toConnectionDto(updated, secrets);
  });
}

/** The API client of a stored connection (its token decrypted here, where it is used); refuses when no token is stored. */
export function hubspotApiFor(
  secrets: SecretBox,
  connection: HubSpotConnection,
  overrides: HubSpotApiOverrides = {},
): HubSpotApi {
  if (!connection.accessToken) {
    throw AppError.validation(
      [{ field: 'token', message: 'no HubSpot private-app token is stored: connect first (ptrack hubspot connect --token …)' }],
      'HubSpot is not connected',
    );
  }
  return createHubSpotApi({
    accessToken: secrets.decrypt(connection.accessToken, 'hubspot_connection.access_token'),
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
