import type { PartnerDto, UpdatePartnerRequest } from '@ptrack/contracts';
import { authorize, partnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { mergeCustomValues } from '../field-checks';
import { loadSettings } from '../settings';
import { partnerWriter } from '../writes/writers';
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
    const w = { tx, ctx, settings };
    const current = await partnerWriter.lock(w, id, {
      guard: async () => authorize(ctx, 'partners:write', await partnerScope(ctx, tx, id)),
      version: {
        expected: input.version,
        what: (row) => `partner "${row.name}"`,
        current: () => loadPartnerDto(tx, settings, ctx.now(), id),
      },
    });
    checkPartnerOptions(settings, input);
    const { version: _version, namedAccounts, custom, reviewedAt, ...fields } = input;
    if (fields.name !== undefined && fields.name.toLowerCase() !== current.name.toLowerCase()) {
      await assertPartnerNameFree(tx, fields.name, id);
    }
    const customValues = await mergeCustomValues(tx, 'partner', current.custom ?? {}, custom);
    await partnerWriter.update(
      w,
      current,
      {
        ...fields,
        custom: customValues,
        ...(reviewedAt !== undefined ? { reviewedAt: reviewedAt ? new Date(reviewedAt) : null } : {}),
      },
      async () =>
        namedAccounts === undefined
          ? undefined
          : {
              before: { namedAccounts: await namedAccountNames(tx, id) },
              after: { namedAccounts: await setNamedAccounts(tx, ctx, id, namedAccounts) },
            },
    );
    return loadPartnerDto(tx, settings, ctx.now(), id);
  });
}
