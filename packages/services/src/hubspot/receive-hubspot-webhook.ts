import { HubSpotWebhookBody, type HubSpotWebhookResult } from '@ptrack/contracts';
import { AppError, parseQuality, parseTier, REP_PROPERTY } from '@ptrack/domain';
import { verifyWebhookSignature } from '@ptrack/integrations';
import { partners, reps } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext, systemActor } from '../context';
import { loadDigestSettings, webAppUrlOf } from '../digests/digest-settings';
import { partnerWriter, repWriter } from '../writes/writers';
import { readConnection } from './hubspot-connection';
import type { SyncFailure } from './sync-types';

export type WebhookRequest = {
  method: string;
  /** The URL HubSpot called, scheme, host and query included: the signature covers it. */
  uri: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
};

/**
 * HubSpot signs the URL it calls. Behind a reverse proxy or a tunnel (the server only listens on this
 * machine) that is the public address, not the one this request arrived at: the web app address of the
 * digest settings, with this request's path and query, is tried too.
 */
async function verifySignature(ctx: ServiceContext, request: WebhookRequest, secret: string) {
  const check = verifyWebhookSignature({ ...request, secret, now: ctx.now() });
  if (check.ok || check.reason !== 'BAD_SIGNATURE') return check;
  const { baseUrl } = await inTransaction(ctx, (tx) => loadDigestSettings(tx));
  const arrived = new URL(request.uri);
  const uri = webAppUrlOf(baseUrl, `${arrived.pathname}${arrived.search}`);
  return !uri || uri === request.uri ? check : verifyWebhookSignature({ ...request, uri, secret, now: ctx.now() });
}

/**
 * Verifies a v3-signed HubSpot webhook and applies its events in one transaction: tier and quality
 * changes of linked contacts, and deletions (a deleted contact or company is unlinked, never deleted
 * here — the tracker's history and touches stay).
 */
export async function receiveHubSpotWebhook(ctx: ServiceContext, request: WebhookRequest): Promise<HubSpotWebhookResult> {
  authorize(ctx, 'integrations:run');
  const connection = await readConnection(ctx);
  if (!connection.clientSecret)
    throw new AppError('UNAUTHENTICATED', 'No HubSpot client secret is stored: webhooks cannot be verified');
  const secret = ctx.database.secrets.decrypt(connection.clientSecret, 'hubspot_connection.client_secret');
  const check = await verifySignature(ctx, request, secret);
  if (!check.ok) {
    const why = {
      MISSING: 'the signature headers are missing',
      STALE: 'the request is more than 5 minutes old',
      BAD_SIGNATURE: 'the signature does not match',
    };
    throw new AppError('UNAUTHENTICATED', `HubSpot webhook refused: ${why[check.reason]}`, { reason: check.reason });
  }
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody);
  } catch {
    throw AppError.validation([{ field: 'body', message: 'is not JSON' }]);
  }
  const parsed = HubSpotWebhookBody.safeParse(json);
  if (!parsed.success) {
    throw AppError.validation(parsed.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), message: i.message })));
  }
  const hubspotCtx: ServiceContext = { ...ctx, actor: systemActor('HubSpot webhook', 'hubspot') };
  return inTransaction(hubspotCtx, async (tx) => {
    const ws = { tx, ctx: hubspotCtx };
    const failed: SyncFailure[] = [];
    let applied = 0;
    let ignored = 0;
    for (const event of parsed.data) {
      const id = event.objectId;
      if (event.subscriptionType === 'contact.propertyChange') {
        const field =
          event.propertyName === REP_PROPERTY.engagementTier
            ? 'engagementTier'
            : event.propertyName === REP_PROPERTY.qualityScore
              ? 'qualityScore'
              : null;
        const [rep] = field ? await repWriter.lockWhere(ws, eq(reps.hubspotContactId, id)) : [];
        if (!field || !rep) {
          ignored++;
          continue;
        }
        const value = field === 'engagementTier' ? parseTier(event.propertyValue) : parseQuality(event.propertyValue);
        if (!value.ok) {
          failed.push({ object: 'contact', id, reason: value.reason });
          continue;
        }
        if (rep[field] === value.value) {
          ignored++;
          continue;
        }
        await repWriter.update(ws, rep, { [field]: value.value });
        applied++;
      } else if (event.subscriptionType === 'contact.deletion') {
        const [rep] = await repWriter.lockWhere(ws, eq(reps.hubspotContactId, id));
        if (!rep) {
          ignored++;
          continue;
        }
        await repWriter.update(ws, rep, { hubspotContactId: null });
        applied++;
      } else if (event.subscriptionType === 'company.deletion') {
        const [partner] = await partnerWriter.lockWhere(ws, eq(partners.hubspotCompanyId, id));
        if (!partner) {
          ignored++;
          continue;
        }
        await partnerWriter.update(ws, partner, { hubspotCompanyId: null });
        applied++;
      } else {
        ignored++;
      }
    }
    return { applied, ignored, failed };
  });
}
