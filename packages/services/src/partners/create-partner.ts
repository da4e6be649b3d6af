import type { CreatePartnerRequest, PartnerDto } from '@ptrack/contracts';
import { AppError } from '@ptrack/domain';
import { partners, type Tx } from '@ptrack/storage';
import { and, ne, sql } from 'drizzle-orm';
import { authorize, newPartnerScope } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { checkOptionValues, mergeCustomValues } from '../field-checks';
import { loadSettings, type Settings } from '../settings';
import { partnerWriter } from '../writes/writers';
import { loadPartnerDto } from './partner-dto';
import { setNamedAccounts } from './set-named-accounts';

export async function assertPartnerNameFree(tx: Tx, name: string, exceptId?: string): Promise<void> {
  const clash = await tx
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(and(sql`lower(${partners.name}) = lower(${name})`, exceptId ? ne(partners.id, exceptId) : undefined))
    .limit(1);
  if (clash[0]) {
    throw new AppError('DUPLICATE', `name: a partner named "${clash[0].name}" already exists`, {
      issues: [{ field: 'name', message: `a partner named "${clash[0].name}" already exists (names are unique, ignoring case)` }],
      existingId: clash[0].id,
    });
  }
}

export function checkPartnerOptions(settings: Settings, input: Partial<CreatePartnerRequest>): void {
  checkOptionValues(
    settings,
    {
      partnerType: input.type,
      archetype: input.archetype,
      programStatus: input.programStatus,
      phase: input.phase,
      enterpriseTier: input.enterpriseTier,
      jvpStatus: input.jvpStatus,
    },
    { partnerType: 'type' },
  );
}

export async function createPartner(ctx: ServiceContext, input: CreatePartnerRequest): Promise<PartnerDto> {
  authorize(ctx, 'partners:write');
  return inTransaction(ctx, async (tx) => {
    const settings = await loadSettings(tx);
    authorize(ctx, 'partners:write', await newPartnerScope(ctx, tx, input.ownerUserId ?? null));
    checkPartnerOptions(settings, input);
    await assertPartnerNameFree(tx, input.name);
    const { namedAccounts, custom, reviewedAt, ...fields } = input;
    const customValues = await mergeCustomValues(tx, 'partner', {}, custom);
    const partner = await partnerWriter.create(
      { tx, ctx, settings },
      { ...fields, custom: customValues, reviewedAt: reviewedAt ? new Date(reviewedAt) : null },
      async (row) => ({ namedAccounts: namedAccounts ? await setNamedAccounts(tx, ctx, row.id, namedAccounts) : [] }),
    );
    return loadPartnerDto(tx, settings, ctx.now(), partner.id);
  });
}
