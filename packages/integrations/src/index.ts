// @ptrack/integrations: adapters to the outside world, used by services (CONVENTIONS.md).

export * from './hubspot';
export * from './sheets';
