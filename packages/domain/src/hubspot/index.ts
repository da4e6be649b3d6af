export * from './mapping';
export * from './properties';
