// Spreadsheet adapters (issue 5): read CSV/XLSX, match headers, read values, map rows, write exports.
export * from './column-synonyms';
export * from './column-targets';
export * from './export-columns';
export * from './header-match';
export * from './infer-custom-type';
export * from './map-row';
export * from './normalise-header';
export * from './parse-date';
export * from './parse-money';
export * from './parse-values';
export * from './parsed';
export * from './read-field';
export * from './read-sheet';
export * from './saved-mapping';
export * from './sheet-error';
export * from './sheet-types';
export * from './write-sheet';
