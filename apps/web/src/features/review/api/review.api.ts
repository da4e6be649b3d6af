import type {
  ActionDto,
  ActionListResponse,
  CreateActionRequest,
  PartnerListRowDto,
  PlanDto,
  PlanListResponse,
  RepListResponse,
  UpdateActionRequest,
  UpdatePlanRequest,
} from '@ptrack/contracts';
import { api } from '../../../api/client';

const PAGE = 500;

/** Every partner in the server's "This week's review" view (not reviewed first, then by name). */
export async function fetchReviewList(): Promise<PartnerListRowDto[]> {
  const rows: PartnerListRowDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.call('listPartners', { query: { view: 'this-weeks-review', limit: PAGE, cursor } });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

export function fetchPlans(partnerId: string): Promise<PlanListResponse> {
  return api.call('listPlans', { query: { partnerId } });
}

export function fetchReps(partnerId: string): Promise<RepListResponse> {
  return api.call('listReps', { query: { partnerId, limit: 500 } });
}

export function fetchOpenActions(partnerId: string): Promise<ActionListResponse> {
  return api.call('listActions', { query: { partnerId, status: 'open', limit: 500 } });
}

export function createAction(body: CreateActionRequest): Promise<ActionDto> {
  return api.call('createAction', { body });
}

export function updateAction(id: string, body: UpdateActionRequest): Promise<ActionDto> {
  return api.call('updateAction', { params: { id }, body });
}

export function updatePlan(id: string, body: UpdatePlanRequest): Promise<PlanDto> {
  return api.call('updatePlan', { params: { id }, body });
}
