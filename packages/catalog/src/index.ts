// @ptrack/catalog: what the product's fields, vocabularies and rule thresholds are, as plain data. No
// dependencies, no zod, no IO: the domain, contracts, integrations, the CLI and the browser bundle
// import it at runtime, so each label, option and threshold is written here once.

export * from './enums';
export * from './export-columns';
export * from './filter-grammar';
export * from './import-targets';
export * from './option-lists';
export * from './partner-grid';
export * from './record-fields';
export * from './rules';
export * from './wording';
