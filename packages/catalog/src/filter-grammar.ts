// The words and limits of the partner grid's filter language. The grammar is checked by the domain
// (validateFilter) and described to HTTP clients by contracts (PartnerFilter); both read these.

export const FILTER_OPS = ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'contains', 'in', 'empty', 'notEmpty'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** Most and/or groups nested inside one another. */
export const MAX_FILTER_DEPTH = 5;
export const MAX_FILTER_CONDITIONS = 100;
export const MAX_IN_VALUES = 500;
/** A relative date `{ today: n }` reaches at most this many days either way. */
export const MAX_RELATIVE_DAYS = 36_500;
export const MAX_TEXT_VALUE = 1000;
