export * from './actions-calendar';
