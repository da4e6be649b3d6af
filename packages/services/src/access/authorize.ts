import {
  type AccessScope,
  type AccessSettings,
  AppError,
  DEFAULT_ACCESS_SETTINGS,
  decide,
  describeDenial,
  type Permission,
} from '@ptrack/domain';
import { type Executor, partners, workspaceSettings } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../context';

/** The record a permission is asked for, with the workspace setting that can narrow it (see partnerScope). */
export type PartnerScope = AccessScope & { settings?: AccessSettings };

/**
 * Refuses (NOT_ALLOWED → 403) unless the acting user holds `permission` on `scope` under the one policy
 * (`decide` in @ptrack/domain). Every use case calls it before it reads or writes.
 */
export function authorize(ctx: ServiceContext, permission: Permission, scope?: PartnerScope): void {
  const { actor } = ctx;
  const dependsOnSetting =
    actor.role === 'manager' &&
    ((permission === 'partners:write' && scope?.ownerUserId !== undefined) || scope?.everyPartner === true);
  if (dependsOnSetting && !scope?.settings) {
    // A scope built by hand rather than by partnerScope: a bug to fix, not a user to refuse.
    throw new Error('authorize: a partner scope needs the workspace settings (use partnerScope)');
  }
  const decision = decide(actor, permission, scope, scope?.settings ?? DEFAULT_ACCESS_SETTINGS);
  if (!decision.allowed) {
    throw new AppError('NOT_ALLOWED', describeDenial(actor.role, permission, decision.reason), {
      permission,
      reason: decision.reason,
    });
  }
}

/** Only a manager's partner writes can depend on who owns the partner; nobody else needs the lookup. */
function ownerMatters(ctx: ServiceContext): boolean {
  return ctx.actor.role === 'manager' && !ctx.actor.readOnly;
}

async function accessSettings(tx: Executor): Promise<AccessSettings> {
  const [row] = await tx
    .select({ managersEditOwnPartnersOnly: workspaceSettings.managersEditOwnPartnersOnly })
    .from(workspaceSettings)
    .where(eq(workspaceSettings.id, 1));
  return row ?? DEFAULT_ACCESS_SETTINGS;
}

/**
 * The scope of a write to one partner's records: its owner and the "managers edit only their own
 * partners" setting, in one query (none at all when the actor is not a manager).
 */
export async function partnerScope(ctx: ServiceContext, tx: Executor, partnerId: string): Promise<PartnerScope> {
  if (!ownerMatters(ctx)) return { partnerId };
  const [row] = await tx
    .select({ ownerUserId: partners.ownerUserId, ownOnly: workspaceSettings.managersEditOwnPartnersOnly })
    .from(partners)
    .leftJoin(workspaceSettings, eq(workspaceSettings.id, 1))
    .where(eq(partners.id, partnerId));
  if (!row) throw AppError.notFound('partner', partnerId, 'partnerId');
  return { partnerId, ownerUserId: row.ownerUserId, settings: { managersEditOwnPartnersOnly: row.ownOnly ?? false } };
}

/**
 * `authorize` for a run that writes every partner's records at once (applying a sheet import, a HubSpot
 * sync or push): a manager bound to their own partners by the workspace setting is refused.
 */
export async function authorizeEveryPartner(ctx: ServiceContext, permission: Permission): Promise<void> {
  authorize(ctx, permission);
  if (!ownerMatters(ctx)) return;
  authorize(ctx, permission, { everyPartner: true, settings: await accessSettings(ctx.database.db) });
}

/** The scope of creating a partner: the owner it will have. */
export async function newPartnerScope(ctx: ServiceContext, tx: Executor, ownerUserId: string | null): Promise<PartnerScope> {
  if (!ownerMatters(ctx)) return {};
  return { ownerUserId, settings: await accessSettings(tx) };
}
