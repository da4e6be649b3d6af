import type { ActionDto } from '@ptrack/contracts';
import { authorize } from '../access/authorize';
import { inTransaction, type ServiceContext } from '../context';
import { calendarOf, loadSettings } from '../settings';
import { loadActionDto } from './action-dto';

export async function getAction(ctx: ServiceContext, id: string): Promise<ActionDto> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => loadActionDto(tx, id, calendarOf(await loadSettings(tx), ctx.now()).today));
}
