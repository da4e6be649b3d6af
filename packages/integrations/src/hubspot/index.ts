export * from './hubspot-api';
export * from './hubspot-retry';
export * from './webhook-signature';
