import type { HubSpotConnectionDto, HubSpotRunReport, HubSpotSetupResult, SaveHubSpotConnectionRequest } from '@ptrack/contracts';
import { api } from '../../../api/client';

export function fetchHubSpotConnection(): Promise<HubSpotConnectionDto> {
  return api.get<HubSpotConnectionDto>('/api/hubspot/connection');
}

/** Stores the token, secret and options; the answer never contains the token, only its last 4 characters. */
export function saveHubSpotConnection(body: SaveHubSpotConnectionRequest): Promise<HubSpotConnectionDto> {
  return api.patch<HubSpotConnectionDto>('/api/hubspot/connection', body);
}

export function testHubSpotConnection(): Promise<{ ok: true; requests: number }> {
  return api.post('/api/hubspot/test', {});
}

export function setupHubSpotProperties(): Promise<HubSpotSetupResult> {
  return api.post<HubSpotSetupResult>('/api/hubspot/setup', {});
}

export function runHubSpotSync(mode: 'full' | 'incremental'): Promise<HubSpotRunReport> {
  return api.post<HubSpotRunReport>('/api/hubspot/sync', { mode });
}

export function runHubSpotPush(): Promise<HubSpotRunReport> {
  return api.post<HubSpotRunReport>('/api/hubspot/push', {});
}

export function fetchHubSpotRuns(): Promise<{ items: HubSpotRunReport[] }> {
  return api.get<{ items: HubSpotRunReport[] }>('/api/hubspot/runs');
}
