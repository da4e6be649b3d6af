import { z } from 'zod';

/** A calendar day `YYYY-MM-DD` that exists (2025-02-30 is refused). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date')
  .meta({ description: 'Calendar day, YYYY-MM-DD', example: '2026-02-04' });

/** An instant with its offset, e.g. 2026-02-04T09:30:00Z or 2026-02-04T09:30:00-08:00. */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' })
  .meta({ description: 'ISO 8601 instant', example: '2026-02-04T09:30:00Z' });

export const Id = z.uuid({ message: 'must be a UUID' });
export const IdParams = z.strictObject({ id: Id });

/** Optimistic concurrency: every update names the version it was based on. */
export const Version = z.int().min(1).meta({ description: 'The record version this change is based on' });

export const Text = (max = 2000) => z.string().trim().max(max, `must be at most ${max} characters`);
/** Optional text where a blank value clears the field (stored as null). */
export const OptionalText = (max = 2000) =>
  Text(max)
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
