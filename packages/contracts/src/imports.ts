import { z } from 'zod';
import { Id, Version } from './common';

// Spreadsheet import and export (issue 5). The upload is the file's bytes as the request body; the
// mapping is the sheet adapter's SavedMapping (validated by it), carried here as JSON.

export const IMPORT_ENTITIES = ['partner', 'rep'] as const;

export const CreateImportQuery = z.strictObject({
  entity: z
    .enum([...IMPORT_ENTITIES, 'auto'])
    .default('auto')
    .meta({
      description: 'partner, rep, or auto: a rep sheet when its headers name more rep fields (Rep Name, Engagement Tier…)',
    }),
  fileName: z.string().trim().min(1, 'must name the file').max(255),
  sheet: z.string().max(255).optional().meta({ description: 'The worksheet of a workbook (default: the first)' }),
});
export type CreateImportQuery = z.infer<typeof CreateImportQuery>;

const ImportCounts = z.object({
  rows: z.int(),
  create: z.int(),
  update: z.int(),
  unchanged: z.int(),
  error: z.int(),
});

export const ImportColumnDto = z.object({
  index: z.int(),
  header: z.string(),
  target: z.record(z.string(), z.unknown()).meta({ description: 'field, computed, custom or ignore' }),
  matchedBy: z.string(),
  samples: z.array(z.string()),
});

export const SheetImportDto = z
  .object({
    id: Id,
    entity: z.enum(IMPORT_ENTITIES),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    sheet: z.string().nullable(),
    sheetNames: z.array(z.string()),
    headers: z.array(z.string()),
    columns: z.array(ImportColumnDto),
    mapping: z.unknown().meta({ description: 'The mapping to save or correct (PATCH) and reuse (ptrack import --mapping)' }),
    status: z.enum(['previewed', 'applying', 'applied']),
    totalRows: z.int(),
    appliedRows: z.int(),
    summary: z.record(z.string(), z.int()).meta({
      description:
        "Before the apply, the last preview's counts (rows, create, update, unchanged, error); then what the apply did",
    }),
    version: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SheetImport' });
export type SheetImportDto = z.infer<typeof SheetImportDto>;

export const UpdateImportRequest = z
  .strictObject({ version: Version, mapping: z.record(z.string(), z.unknown()) })
  .meta({ id: 'UpdateImportRequest' });
export type UpdateImportRequest = z.infer<typeof UpdateImportRequest>;

// No .meta id: a querystring schema must stay inline for @fastify/swagger to list its parameters.
export const ApplyImportQuery = z.strictObject({
  force: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .meta({
      description:
        'Apply even when most rows would be refused. Without it such an import is refused with 409: it is most likely the wrong sheet or the wrong kind (a rep sheet read as partners).',
    }),
});
export type ApplyImportQuery = z.infer<typeof ApplyImportQuery>;

export const ImportRowDto = z.object({
  rowNumber: z.int(),
  name: z.string().nullable(),
  action: z.enum(['create', 'update', 'unchanged', 'error']),
  partnerId: z.string().optional(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  problems: z.array(z.object({ rowNumber: z.int(), column: z.string(), value: z.string().optional(), reason: z.string() })),
});

export const ImportPreviewDto = z
  .object({
    counts: ImportCounts,
    rows: z.array(ImportRowDto).meta({ description: 'Rows that are not unchanged, in sheet order (at most 1,000)' }),
    truncated: z.boolean(),
    newOptions: z.record(z.string(), z.array(z.string())).meta({ description: 'Option values the import adds to the lists' }),
    mostlyErrors: z.boolean().meta({
      description: 'Most rows would be refused (the wrong sheet or kind?): applying then needs force=true',
    }),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreviewDto = z.infer<typeof ImportPreviewDto>;

export const ExportQuery = z.strictObject({
  entity: z.enum(IMPORT_ENTITIES).default('partner'),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  view: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'A view: a built-in view id or name, or a saved view id or name (partners)' }),
  q: z.string().trim().max(200).optional(),
  filter: z.string().max(10_000).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;
