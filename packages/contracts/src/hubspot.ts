import { z } from 'zod';
import { Text, Version } from './common';

const REFERRAL_STAGE = z.enum(['intro', 'qualified', 'deal', 'closed-won', 'closed-lost']);

/** The HubSpot connection as the API shows it: secrets only as `configured` and the token's last 4 characters. */
export const HubSpotConnectionDto = z
  .object({
    configured: z.boolean(),
    tokenHint: z.string().nullable().meta({ description: 'Last 4 characters of the private-app token' }),
    clientSecretConfigured: z.boolean(),
    baseUrl: z.string(),
    stageMap: z.record(z.string(), REFERRAL_STAGE),
    pushRepEdits: z.boolean(),
    requestsPer10s: z.int(),
    searchPerSecond: z.int(),
    setupAt: z.string().nullable(),
    contactsCursor: z.string().nullable(),
    dealsCursor: z.string().nullable(),
    lastPushAt: z.string().nullable(),
    version: z.int(),
  })
  .meta({ id: 'HubSpotConnection' });
export type HubSpotConnectionDto = z.infer<typeof HubSpotConnectionDto>;

const Secret = z.string().trim().min(8, 'is too short to be a HubSpot token or secret').max(500);

export const SaveHubSpotConnectionRequest = z
  .strictObject({
    version: Version.optional(),
    token: Secret.nullable().optional().meta({ description: 'Private-app access token; null disconnects' }),
    clientSecret: Secret.nullable().optional().meta({ description: 'App client secret that signs webhooks (v3)' }),
    baseUrl: z
      .url({ message: 'must be a URL', protocol: /^https?$/ })
      .max(500)
      .optional(),
    stageMap: z
      .record(Text(200).min(1, 'must name a stage as "pipelineId/stageId" or "stageId"'), REFERRAL_STAGE)
      .optional()
      .meta({ description: 'Pipeline/stage → referral stage; keys "pipelineId/stageId" or "stageId"' }),
    pushRepEdits: z.boolean().optional(),
    requestsPer10s: z.int().min(1).max(1000).optional(),
    searchPerSecond: z.int().min(1).max(20).optional(),
  })
  .meta({ id: 'SaveHubSpotConnectionRequest' });
export type SaveHubSpotConnectionRequest = z.infer<typeof SaveHubSpotConnectionRequest>;

export const HubSpotSetupResult = z
  .object({ created: z.array(z.string()), existing: z.array(z.string()) })
  .meta({ id: 'HubSpotSetupResult' });
export type HubSpotSetupResult = z.infer<typeof HubSpotSetupResult>;

export const HubSpotTestResult = z.object({ ok: z.literal(true), requests: z.int() }).meta({ id: 'HubSpotTestResult' });

export const HubSpotFailure = z.object({ object: z.string(), id: z.string(), reason: z.string() });

export const HubSpotRunReport = z
  .object({
    runId: z.uuid(),
    kind: z.enum(['full', 'incremental', 'push']),
    status: z.enum(['running', 'succeeded', 'failed']),
    resumed: z.boolean(),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    failed: z.array(HubSpotFailure),
    requests: z.int(),
    counts: z.record(z.string(), z.int()),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'HubSpotRunReport' });
export type HubSpotRunReport = z.infer<typeof HubSpotRunReport>;

export const HubSpotSyncRequest = z
  .strictObject({ mode: z.enum(['full', 'incremental']).default('incremental') })
  .meta({ id: 'HubSpotSyncRequest' });
export type HubSpotSyncRequest = z.infer<typeof HubSpotSyncRequest>;

export const HubSpotRunList = z.object({ items: z.array(HubSpotRunReport) }).meta({ id: 'HubSpotRunList' });

/** One webhook event HubSpot sends (an array of these is the body). */
export const HubSpotWebhookEvent = z.looseObject({
  objectId: z.union([z.number(), z.string()]).transform(String),
  subscriptionType: z.string(),
  propertyName: z.string().optional(),
  propertyValue: z.string().nullable().optional(),
  occurredAt: z.number().optional(),
  eventId: z.union([z.number(), z.string()]).optional(),
});
export const HubSpotWebhookBody = z.array(HubSpotWebhookEvent).max(1000);
export type HubSpotWebhookEvent = z.infer<typeof HubSpotWebhookEvent>;

export const HubSpotWebhookResult = z
  .object({ applied: z.int(), ignored: z.int(), failed: z.array(HubSpotFailure) })
  .meta({ id: 'HubSpotWebhookResult' });
export type HubSpotWebhookResult = z.infer<typeof HubSpotWebhookResult>;
