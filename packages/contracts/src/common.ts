import { z } from 'zod';

/** Years a stored date may have: PostgreSQL and JavaScript both go further, but not the same way. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** A calendar day `YYYY-MM-DD` that exists (2025-02-30 is refused), in years 0001–9999. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date')
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, `must be in the years ${MIN_YEAR} to ${MAX_YEAR}`)
  .meta({ description: 'Calendar day, YYYY-MM-DD', example: '2026-02-04' });

const EARLIEST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const LATEST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/** An instant with its offset, e.g. 2026-02-04T09:30:00Z or 2026-02-04T09:30:00-08:00, in years 0001–9999 (UTC). */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' })
  .refine((s) => {
    const t = Date.parse(s);
    return t >= EARLIEST_INSTANT && t <= LATEST_INSTANT;
  }, `must be in the years ${MIN_YEAR} to ${MAX_YEAR}`)
  .meta({ description: 'ISO 8601 instant', example: '2026-02-04T09:30:00Z' });

/** The range of a PostgreSQL `integer` column: a larger number must be a 400, not a database error. */
export const INT32_MAX = 2_147_483_647;
export const INT32_MIN = -2_147_483_648;
/** A whole number that fits an `integer` column. */
export const Int32 = () => z.int().min(INT32_MIN).max(INT32_MAX, `must be at most ${INT32_MAX}`);

export const Id = z.uuid({ message: 'must be a UUID' });
export const IdParams = z.strictObject({ id: Id });

/** Optimistic concurrency: every update names the version it was based on. */
export const Version = Int32().min(1).meta({ description: 'The record version this change is based on' });

// Control characters have no place in a name, a label or a type: they break sheets, CSV exports and
// terminal output. Multi-line prose (notes, summaries) may hold line breaks and tabs, nothing else.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's purpose
const SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's purpose
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;

/** Single-line text: trimmed, at most `max` characters, no line breaks or other control characters. */
export const Text = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .regex(SINGLE_LINE, 'must be one line without control characters');
/** Optional text where a blank value clears the field (stored as null). */
export const OptionalText = (max = 2000) =>
  Text(max)
    .nullable()
    .transform((v) => (v === '' ? null : v))
    .optional();

/** Multi-line text (notes, summaries): line breaks and tabs are kept; other control characters are refused. */
export const Prose = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .regex(MULTI_LINE, 'must not contain control characters other than line breaks and tabs');
/** Optional multi-line text where a blank value clears the field (stored as null). */
export const OptionalProse = (max = 2000) =>
  Prose(max)
    .nullable()
    .transform((v) => (v === '' ? null : v))
    .optional();

export const YesNoValue = z.enum(['yes', 'no']).nullable();
export const Email = z.email({ message: 'must be an email address' }).max(320);
export const Url = z.url({ message: 'must be a URL', protocol: /^https?$/ }).max(2000);
export const MoneyMinor = z
  .int({ message: 'must be a whole number of minor units (cents)' })
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER);

export const RecordMeta = {
  id: Id,
  createdAt: Instant,
  updatedAt: Instant,
  version: z.int(),
};

export const CustomValues = z
  .record(z.string().max(64), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]))
  .meta({ description: 'Custom field values by key (see /api/custom-fields)' });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    current: z.unknown().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(2000).optional(),
});
