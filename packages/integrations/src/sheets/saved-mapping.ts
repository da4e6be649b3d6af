import { z } from 'zod';
import { computedOf, targetsOf } from './column-targets';
import { CUSTOM_FIELD_TYPES } from './infer-custom-type';
import { SheetError } from './sheet-error';

const ColumnTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), field: z.string().max(100) }),
  z.strictObject({ kind: z.literal('computed'), name: z.string().max(100) }),
  z.strictObject({
    kind: z.literal('custom'),
    key: z
      .string()
      .max(64)
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must start with a letter and hold only letters, digits and _'),
    label: z.string().trim().min(1).max(200),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string().max(200)).max(500).optional(),
  }),
  z.strictObject({ kind: z.literal('ignore') }),
]);

/**
 * A header mapping the user confirmed, saved as JSON and applied to the next import of the same sheet.
 * Columns are found by their normalised header and, for repeated headers, their occurrence (1-based).
 */
export const SavedMapping = z
  .strictObject({
    version: z.literal(1).default(1),
    entity: z.enum(['partner', 'rep']),
    dateOrder: z.enum(['MDY', 'DMY']).optional(),
    columns: z
      .array(
        z.strictObject({
          header: z.string().max(500),
          occurrence: z.int().min(1).max(500).default(1),
          target: ColumnTargetSchema,
        }),
      )
      .max(1000),
  })
  .superRefine((m, ctx) => {
    const fields = targetsOf(m.entity);
    const computed = computedOf(m.entity);
    m.columns.forEach((c, i) => {
      if (c.target.kind === 'field' && !(c.target.field in fields))
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'target', 'field'], message: `is not a ${m.entity} field` });
      if (c.target.kind === 'computed' && !computed.includes(c.target.name))
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'target', 'name'], message: `is not a computed ${m.entity} column` });
    });
  });
export type SavedMapping = z.infer<typeof SavedMapping>;
export type SavedMappingInput = z.input<typeof SavedMapping>;

/** Validates a saved mapping read from JSON (the edge); throws SheetError('INVALID_MAPPING') listing the issues. */
export function parseSavedMapping(json: unknown): SavedMapping {
  const r = SavedMapping.safeParse(json);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  throw new SheetError(
    'INVALID_MAPPING',
    `The saved mapping is not valid: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`,
    {
      issues,
    },
  );
}
