import type { CreateSavedViewRequest, SavedViewDto, UpdateSavedViewRequest } from '@ptrack/contracts';
import { AppError, BUILT_IN_VIEWS } from '@ptrack/domain';
import { savedViews } from '@ptrack/storage';
import { asc, eq } from 'drizzle-orm';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { viewWriter, type WriteScope } from '../writes/writers';
import { builtInViewDtos, checkViewDefinition, toSavedViewDto } from './resolve-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refuseBuiltIn(id: string): void {
  if (BUILT_IN_VIEWS.some((v) => v.id === id)) {
    throw new AppError('NOT_ALLOWED', `"${id}" is a built-in view and cannot be changed: save a copy under another name`);
  }
}

async function lockView(w: WriteScope, id: string, expectedVersion: number | undefined) {
  refuseBuiltIn(id);
  if (!UUID.test(id)) throw AppError.notFound('view', id);
  return viewWriter.lock(w, id, {
    version: { expected: expectedVersion, what: 'view', current: async (row) => toSavedViewDto(row) },
  });
}

/** The built-in views (docs/RULES.md, Views) followed by the saved ones, by name. */
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
    return toSavedViewDto(await viewWriter.create({ tx, ctx }, { name: input.name, definition }));
  });
}

export async function updateView(ctx: ServiceContext, id: string, input: UpdateSavedViewRequest): Promise<SavedViewDto> {
  authorize(ctx, 'views:write');
  return inTransaction(ctx, async (tx) => {
    const w = { tx, ctx };
    const current = await lockView(w, id, input.version);
    const definition = input.definition ? checkViewDefinition(input.definition) : current.definition;
    return toSavedViewDto(await viewWriter.update(w, current, { name: input.name ?? current.name, definition }));
  });
}

export async function deleteView(ctx: ServiceContext, id: string, expectedVersion?: number): Promise<void> {
  authorize(ctx, 'views:write');
  await inTransaction(ctx, async (tx) => {
    const w = { tx, ctx };
    await viewWriter.remove(w, await lockView(w, id, expectedVersion));
  });
}
