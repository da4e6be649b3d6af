// @ptrack/integrations: adapters to the outside world, used by services (docs/ARCHITECTURE.md).
export * from './email';
export * from './hubspot';
export * from './ics';
export * from './sheets';
export * from './slack';
