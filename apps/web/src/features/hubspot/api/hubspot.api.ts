import type {
  HubSpotConnectionDto,
  HubSpotRunReport,
  HubSpotSetupResult,
  RouteResponse,
  SaveHubSpotConnectionRequest,
} from '@ptrack/contracts';
import { api } from '../../../api/client';

export function fetchHubSpotConnection(): Promise<HubSpotConnectionDto> {
  return api.call('getHubSpotConnection');
}

/** Stores the token, secret and options; the answer never contains the token, only its last 4 characters. */
export function saveHubSpotConnection(body: SaveHubSpotConnectionRequest): Promise<HubSpotConnectionDto> {
  return api.call('saveHubSpotConnection', { body });
}

export function testHubSpotConnection(): Promise<RouteResponse<'testHubSpotConnection'>> {
  return api.call('testHubSpotConnection');
}

export function setupHubSpotProperties(): Promise<HubSpotSetupResult> {
  return api.call('setupHubSpotProperties');
}

export function runHubSpotSync(mode: 'full' | 'incremental'): Promise<HubSpotRunReport> {
  return api.call('syncHubSpot', { body: { mode } });
}

export function runHubSpotPush(): Promise<HubSpotRunReport> {
  return api.call('pushHubSpot');
}

export function fetchHubSpotRuns(): Promise<RouteResponse<'listHubSpotRuns'>> {
  return api.call('listHubSpotRuns');
}
