import type { CreateCustomFieldRequest, CustomFieldDto, UpdateCustomFieldRequest } from '@ptrack/contracts';
import { AppError, defined } from '@ptrack/domain';
import { customFieldDefs, partners, reps } from '@ptrack/storage';
import { and, asc, eq, sql } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { customFieldWriter } from '../writes/writers';

type Row = typeof customFieldDefs.$inferSelect;

function toDto(row: Row): CustomFieldDto {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** A key from a label: "Hyperscaler Association" → "hyperscalerAssociation". */
export function keyFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : defined(w[0]).toUpperCase() + w.slice(1).toLowerCase())).join('');
  return /^[a-z]/.test(key) ? key.slice(0, 64) : `f${key}`.slice(0, 64);
}

function checkOptions(type: Row['type'], options: string[]): void {
  if (type === 'select' && options.length === 0) {
    throw AppError.validation([{ field: 'options', message: 'a select field needs at least one option' }]);
  }
  const seen = new Set<string>();
  options.forEach((o, i) => {
    if (seen.has(o.toLowerCase())) throw AppError.validation([{ field: `options.${i}`, message: `"${o}" is listed twice` }]);
    seen.add(o.toLowerCase());
  });
}

export async function listCustomFields(ctx: ServiceContext, entity?: 'partner' | 'rep'): Promise<{ items: CustomFieldDto[] }> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await tx
      .select()
      .from(customFieldDefs)
      .where(entity ? eq(customFieldDefs.entity, entity) : undefined)
      .orderBy(asc(customFieldDefs.entity), asc(customFieldDefs.position), asc(customFieldDefs.label));
    return { items: rows.map(toDto) };
  });
}

/** Adds a typed field to partners or reps (docs/RULES.md: so a migrated sheet loses no column). */
export async function createCustomField(ctx: ServiceContext, input: CreateCustomFieldRequest): Promise<CustomFieldDto> {
  authorize(ctx, 'settings:write');
  return inTransaction(ctx, async (tx) => {
    checkOptions(input.type, input.options);
    const key = input.key ?? keyFromLabel(input.label);
    const [clash] = await tx
      .select({ id: customFieldDefs.id })
      .from(customFieldDefs)
      .where(and(eq(customFieldDefs.entity, input.entity), eq(customFieldDefs.key, key)));
    if (clash) {
      throw new AppError('DUPLICATE', `key: a ${input.entity} field with key "${key}" already exists`, {
        issues: [{ field: input.key ? 'key' : 'label', message: `a ${input.entity} field with key "${key}" already exists` }],
      });
    }
    return toDto(await customFieldWriter.create({ tx, ctx }, { ...input, key, position: input.position ?? 0 }));
  });
}

export async function updateCustomField(
  ctx: ServiceContext,
  id: string,
  input: UpdateCustomFieldRequest,
): Promise<CustomFieldDto> {
  authorize(ctx, 'settings:write');
  return inTransaction(ctx, async (tx) => {
    const w = { tx, ctx };
    const current = await customFieldWriter.lock(w, id, {
      version: { expected: input.version, what: 'custom field', current: async (row) => toDto(row) },
    });
    if (input.options) checkOptions(current.type, input.options);
    const { version: _version, ...fields } = input;
    return toDto(await customFieldWriter.update(w, current, fields));
  });
}

/** Removes the field and its values from every record; the history keeps what they were. */
export async function deleteCustomField(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'settings:write');
  await inTransaction(ctx, async (tx) => {
    const w = { tx, ctx };
    const current = await customFieldWriter.lock(w, id, {
      version: { expected: expectedVersion, what: 'custom field', current: async (row) => toDto(row) },
    });
    const table = current.entity === 'partner' ? partners : reps;
    await tx
      .update(table)
      .set({ custom: sql`${table.custom} - ${current.key}::text` })
      .where(sql`${table.custom} ? ${current.key}::text`);
    await customFieldWriter.remove(w, current);
  });
}
