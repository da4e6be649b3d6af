import type { PartnerDto } from '@ptrack/contracts';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { loadSettings } from '../settings';
import { loadPartnerDto } from './partner-dto';

export async function getPartner(ctx: ServiceContext, id: string): Promise<PartnerDto> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => loadPartnerDto(tx, await loadSettings(tx), ctx.now(), id));
}
