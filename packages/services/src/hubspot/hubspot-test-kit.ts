import {
  type HubSpotStandIn,
  type HubSpotStandInOptions,
  type SeedProgramOptions,
  seedProgram,
  startHubSpotStandIn,
} from '@ptrack/hubspot-stand-in';
import type { Database } from '@ptrack/storage';
import { openTestDatabase } from '@ptrack/storage/testing';
import { createContext, type ServiceContext, systemActor } from '../context';
import { type HubSpotApiOverrides, saveHubSpotConnection } from './hubspot-connection';

/**
 * Shared set-up of the HubSpot integration tests: a stand-in on 127.0.0.1 seeded with a partner
 * program, a fresh migrated database connected to it, and waits shrunk from HubSpot's seconds.
 */
export const FAST: HubSpotApiOverrides = {
  requestsPer10s: 100_000,
  searchPerSecond: 1000,
  retry: { baseDelayMs: 2, maxDelayMs: 10, rateLimitDelayMs: 10, maxRateLimitDelayMs: 20 },
};

export type HubSpotTestKit = { standIn: HubSpotStandIn; database: Database; ctx: ServiceContext; close(): Promise<void> };

export async function openHubSpotTestKit(
  seed: SeedProgramOptions,
  options: { pushRepEdits?: boolean; standIn?: HubSpotStandInOptions } = {},
): Promise<HubSpotTestKit> {
  const standIn = await startHubSpotStandIn(options.standIn);
  seedProgram(standIn.store, seed);
  const database = await openTestDatabase();
  const ctx = createContext(database, systemActor('hubspot test', 'api'));
  await saveHubSpotConnection(ctx, {
    token: standIn.accessToken,
    clientSecret: standIn.clientSecret,
    baseUrl: standIn.url,
    pushRepEdits: options.pushRepEdits ?? false,
  });
  return {
    standIn,
    database,
    ctx,
    async close() {
      await standIn.close();
      await database.close();
    },
  };
}
