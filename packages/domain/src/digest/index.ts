export * from './digest';
export * from './digest-schedule';
export * from './digest-text';
