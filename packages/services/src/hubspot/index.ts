export { getHubSpotConnection, saveHubSpotConnection } from './hubspot-connection';
export { listHubSpotRuns } from './hubspot-runs';
export * from './push-hubspot';
export * from './receive-hubspot-webhook';
export * from './setup-hubspot';
export * from './sync-hubspot';
