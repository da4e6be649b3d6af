import type { CreateSavedViewRequest, SavedViewDto, UpdateSavedViewRequest } from '@ptrack/contracts';
import { AppError, BUILT_IN_VIEWS } from '@ptrack/domain';
import { savedViews, type Tx } from '@ptrack/storage';
import { asc, eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { recordChange } from '../history';
import { assertVersion } from '../records';
import { builtInViewDtos, checkViewDefinition, toSavedViewDto } from './resolve-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refuseBuiltIn(id: string): void {
  if (BUILT_IN_VIEWS.some((v) => v.id === id)) {
    throw new AppError('NOT_ALLOWED', `"${id}" is a built-in view and cannot be changed: save a copy under another name`);
  }
}

async function lockView(tx: Tx, id: string) {
  refuseBuiltIn(id);
  if (!UUID.test(id)) throw AppError.notFound('view', id);
  const [row] = await tx.select().from(savedViews).where(eq(savedViews.id, id)).for('update');
  if (!row) throw AppError.notFound('view', id);
  return row;
}

/** The built-in views (PRODUCT.md, Views) followed by the saved ones, by name. */
export async function listViews(ctx: ServiceContext): Promise<{ items: SavedViewDto[] }> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.select().from(savedViews).orderBy(asc(savedViews.name));
    return { items: [...builtInViewDtos(), ...rows.map(toSavedViewDto)] };
  });
}

export async function getView(ctx: ServiceContext, id: string): Promise<SavedViewDto> {
  authorize(ctx, 'workspace:read');
  const builtIn = builtInViewDtos().find((v) => v.id === id);
  if (builtIn) return builtIn;
  if (!UUID.test(id)) throw AppError.notFound('view', id);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(savedViews).where(eq(savedViews.id, id));
    if (!row) throw AppError.notFound('view', id);
    return toSavedViewDto(row);
  });
}

export async function createView(ctx: ServiceContext, input: CreateSavedViewRequest): Promise<SavedViewDto> {
  authorize(ctx, 'views:write');
  return inTransaction(ctx, async (tx) => {
    const definition = checkViewDefinition(input.definition);
    if (BUILT_IN_VIEWS.some((v) => v.name.toLowerCase() === input.name.toLowerCase())) {
      throw new AppError('DUPLICATE', 'name: a built-in view has this name', {
        issues: [{ field: 'name', message: 'a built-in view has this name' }],
      });
    }
    const [created] = await tx
      .insert(savedViews)
      .values({ name: input.name, definition, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'view',
      entityId: created!.id,
      partnerId: null,
      operation: 'create',
      after: created!,
    });
    return toSavedViewDto(created!);
  });
}

export async function updateView(ctx: ServiceContext, id: string, input: UpdateSavedViewRequest): Promise<SavedViewDto> {
  authorize(ctx, 'views:write');
  return inTransaction(ctx, async (tx) => {
    const current = await lockView(tx, id);
    await assertVersion(current, input.version, 'view', async () => toSavedViewDto(current));
    const definition = input.definition ? checkViewDefinition(input.definition) : current.definition;
    const [updated] = await tx
      .update(savedViews)
      .set({ name: input.name ?? current.name, definition, version: input.version + 1, updatedAt: ctx.now() })
      .where(eq(savedViews.id, id))
      .returning();
    await recordChange(tx, ctx, {
      entityType: 'view',
      entityId: id,
      partnerId: null,
      operation: 'update',
      before: current,
      after: updated!,
    });
    return toSavedViewDto(updated!);
  });
}

export async function deleteView(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'views:write');
  await inTransaction(ctx, async (tx) => {
    const current = await lockView(tx, id);
    await assertVersion(current, expectedVersion, 'view', async () => toSavedViewDto(current));
    await tx.delete(savedViews).where(eq(savedViews.id, id));
    await recordChange(tx, ctx, { entityType: 'view', entityId: id, partnerId: null, operation: 'delete', before: current });
  });
}
