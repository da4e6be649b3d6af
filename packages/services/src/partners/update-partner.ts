import type { PartnerDto, UpdatePartnerRequest } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { partners, refreshStats } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { mergeCustomValues } from '../field-checks';
import { recordChange } from '../history';
import { assertVersion } from '../records';
import { loadSettings, statsClock } from '../settings';
import { assertPartnerNameFree, checkPartnerOptions } from './create-partner';
import { loadPartnerDto } from './partner-dto';
import { namedAccountNames, setNamedAccounts } from './set-named-accounts';

/**
 * Changes the fields given, based on the version the caller read. A stale version is refused with the
 * current record (409), never silently overwritten; the row is locked so concurrent updates from the
 * same version cannot both win.
 */
export async function updatePartner(ctx: ServiceContext, id: string, input: UpdatePartnerRequest): Promise<PartnerDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    const [current] = await tx.select().from(partners).where(eq(partners.id, id)).for('update');
    if (!current) throw AppError.notFound('partner', id);
    authorize(ctx, 'partners:write', await partnerScope(ctx, tx, id));
    await assertVersion(current, input.version, `partner "${current.name}"`, () => loadPartnerDto(tx, settings, ctx.now(), id));
    checkPartnerOptions(settings, input);
    const { version, namedAccounts, custom, reviewedAt, ...fields } = input;
    if (fields.name !== undefined && fields.name.toLowerCase() !== current.name.toLowerCase()) {
      await assertPartnerNameFree(tx, fields.name, id);
    }
    const customValues = await mergeCustomValues(tx, 'partner', current.custom ?? {}, custom);
    const [updated] = await tx
      .update(partners)
      .set({
        ...fields,
        custom: customValues,
        ...(reviewedAt !== undefined ? { reviewedAt: reviewedAt ? new Date(reviewedAt) : null } : {}),
        version: version + 1,
        updatedAt: ctx.now(),
      })
      .where(eq(partners.id, id))
      .returning();
    const before: Record<string, unknown> = { ...current };
    const after: Record<string, unknown> = { ...updated! };
    if (namedAccounts !== undefined) {
      before.namedAccounts = await namedAccountNames(tx, id);
      after.namedAccounts = await setNamedAccounts(tx, ctx, id, namedAccounts);
    }
    await recordChange(tx, ctx, { entityType: 'partner', entityId: id, partnerId: id, operation: 'update', before, after });
    // The grid reads the partner's own columns from its rollup row too: refresh it on every change.
    await refreshStats(tx, { partnerId: id, reps: 'none', ...statsClock(settings, ctx.now()) });
    return loadPartnerDto(tx, settings, ctx.now(), id);
  });
}
