// @ptrack/domain: pure rules and types (docs/ARCHITECTURE.md: no IO, no clock, no randomness).

export * from './access/policy';
export * from './access/roles';
export * from './account';
export * from './activity';
export * from './app-error';
export * from './benchmarks';
export * from './cadence';
export * from './calendar';
export * from './compare';
export * from './constants/enums';
export * from './constants/options';
export * from './defined';
export * from './digest';
export * from './filters';
export * from './hubspot';
export * from './ipp';
export * from './partner-list-fields';
export * from './performance';
export * from './plan-status';
export * from './qualification';
export * from './rep-signals';
export * from './rollup';
export * from './views';
