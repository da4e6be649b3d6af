import type { SavedViewDto } from '@ptrack/contracts';
import {
  AppError,
  BUILT_IN_VIEWS,
  PARTNER_LIST_FIELDS,
  type PartnerListField,
  type SortKey,
  type ViewDefinition,
  validateFilter,
} from '@ptrack/domain';
import { type Executor, savedViews } from '@ptrack/storage';
import { eq, sql } from 'drizzle-orm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isListField(field: string): field is PartnerListField {
  return Object.hasOwn(PARTNER_LIST_FIELDS, field);
}

/** Parses "-pipelineValueMinor,name" into sort keys, naming the parameter in errors. */
export function parseSort(text: string, param = 'sort'): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const desc = part.startsWith('-');
    const field = desc ? part.slice(1) : part.replace(/^\+/, '');
    if (!isListField(field)) {
      throw AppError.validation([
        { field: param, message: `unknown column "${field}" (one of ${Object.keys(PARTNER_LIST_FIELDS).join(', ')})` },
      ]);
    }
    keys.push({ field, dir: desc ? 'desc' : 'asc' });
  }
  return keys;
}

/** Checks a view definition from a request and returns it typed, naming the offending path. */
export function checkViewDefinition(
  input: { filter?: unknown; sort: { field: string; dir: 'asc' | 'desc' }[]; columns: string[] },
  path = 'definition',
): ViewDefinition {
  let filter: ViewDefinition['filter'] = null;
  if (input.filter !== undefined && input.filter !== null) {
    const checked = validateFilter(input.filter);
    if (!checked.ok)
      throw AppError.validation([{ field: `${path}.filter${checked.path ? `.${checked.path}` : ''}`, message: checked.message }]);
    filter = checked.filter;
  }
  input.sort.forEach((s, i) => {
    if (!isListField(s.field))
      throw AppError.validation([{ field: `${path}.sort.${i}.field`, message: `unknown column "${s.field}"` }]);
  });
  input.columns.forEach((c, i) => {
    if (!isListField(c)) throw AppError.validation([{ field: `${path}.columns.${i}`, message: `unknown column "${c}"` }]);
  });
  return { filter, sort: input.sort as SortKey[], columns: input.columns as PartnerListField[] };
}

export function builtInViewDtos(): SavedViewDto[] {
  const epoch = new Date(0).toISOString();
  return BUILT_IN_VIEWS.map((v) => ({
    id: v.id,
    name: v.name,
    description: v.description,
    builtIn: true,
    definition: v.definition,
    createdAt: epoch,
    updatedAt: epoch,
    version: 1,
  })) as unknown as SavedViewDto[];
}

export function toSavedViewDto(row: typeof savedViews.$inferSelect): SavedViewDto {
  return {
    id: row.id,
    name: row.name,
    description: null,
    builtIn: false,
    definition: row.definition as SavedViewDto['definition'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/**
 * A view by what people type: a built-in view's id ("needs-attention") or name ("Needs attention"), a
 * saved view's id, or a saved view's name ("Marco's partners") — names in any letter case.
 */
export async function resolveView(tx: Executor, id: string, param = 'view'): Promise<ViewDefinition> {
  const wanted = id.trim();
  const folded = wanted.toLowerCase();
  const builtIn = BUILT_IN_VIEWS.find((v) => v.id === wanted || v.name.toLowerCase() === folded);
  if (builtIn) return builtIn.definition;
  const [row] = await tx
    .select({ definition: savedViews.definition })
    .from(savedViews)
    .where(UUID.test(wanted) ? eq(savedViews.id, wanted) : sql`lower(${savedViews.name}) = ${folded}`);
  if (row) return row.definition as ViewDefinition;
  throw new AppError('NOT_FOUND', `No view "${id}"`, {
    issues: [
      {
        field: param,
        message: `no view "${id}" (built-in: ${BUILT_IN_VIEWS.map((v) => v.id).join(', ')}, or a saved view's name or id)`,
      },
    ],
  });
}
