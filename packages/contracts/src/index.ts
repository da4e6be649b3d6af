export * from './activity';
export * from './common';
export * from './dashboard';
export * from './partners';
export * from './plans';
export * from './reps';
export * from './responses';
export * from './settings';
