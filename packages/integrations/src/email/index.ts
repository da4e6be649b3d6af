export * from './digest-email';
export * from './send-email';
