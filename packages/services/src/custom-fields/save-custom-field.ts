import type { CreateCustomFieldRequest, CustomFieldDto, UpdateCustomFieldRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { customFieldDefs, partners, reps } from '@ptrack/storage';
import { and, asc, eq, sql } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { recordChange } from '../history';
import { assertVersion } from '../records';

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
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
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

/** Adds a typed field to partners or reps (PRODUCT.md: so a migrated sheet loses no column). */
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
    const [created] = await tx
      .insert(customFieldDefs)
      .values({ ...input, key, position: input.position ?? 0, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'custom-field',
      entityId: created!.id,
      partnerId: null,
      operation: 'create',
      after: created!,
    });
    return toDto(created!);
  });
}

export async function updateCustomField(
  ctx: ServiceContext,
  id: string,
  input: UpdateCustomFieldRequest,
): Promise<CustomFieldDto> {
  authorize(ctx, 'settings:write');
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(customFieldDefs).where(eq(customFieldDefs.id, id)).for('update');
    if (!current) throw AppError.notFound('custom field', id);
    await assertVersion(current, input.version, 'custom field', async () => toDto(current));
    if (input.options) checkOptions(current.type, input.options);
    const { version, ...fields } = input;
    const [updated] = await tx
      .update(customFieldDefs)
      .set({ ...fields, version: version + 1, updatedAt: ctx.now() })
      .where(eq(customFieldDefs.id, id))
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'custom-field',
      entityId: id,
      partnerId: null,
      operation: 'update',
      before: current,
      after: updated!,
    });
    return toDto(updated!);
  });
}

/** Removes the field and its values from every record; the history keeps what they were. */
export async function deleteCustomField(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'settings:write');
  await inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(customFieldDefs).where(eq(customFieldDefs.id, id)).for('update');
    if (!current) throw AppError.notFound('custom field', id);
    await assertVersion(current, expectedVersion, 'custom field', async () => toDto(current));
    const table = current.entity === 'partner' ? partners : reps;
    await tx
      .update(table)
      .set({ custom: sql`${table.custom} - ${current.key}::text` })
      .where(sql`${table.custom} ? ${current.key}::text`);
    await tx.delete(customFieldDefs).where(eq(customFieldDefs.id, id));
    await recordChange(tx, ctx, {
      entityType: 'custom-field',
      entityId: id,
      partnerId: null,
      operation: 'delete',
      before: current,
    });
  });
}
