import type {
  ActionDto,
  CreateActionRequest,
  CreatePlanRequest,
  CreateReferralRequest,
  CreateRepRequest,
  CustomFieldListResponse,
  PlanDto,
  PlanListResponse,
  ReferralDto,
  ReferralListResponse,
  RepDto,
  RouteResponse,
  TouchListResponse,
  UpdatePlanRequest,
  UpdateRepRequest,
} from '@ptrack/contracts';
import { api } from '../../../api/client';

/** Who a list belongs to: a partner, or one rep of it. */
export type Owner = { partnerId: string } | { repId: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

export function fetchPlans(partnerId: string): Promise<PlanListResponse> {
  return api.call('listPlans', { query: { partnerId } });
}

export function createPlan(body: CreatePlanRequest): Promise<PlanDto> {
  return api.call('createPlan', { body });
}

export function updatePlan(id: string, body: UpdatePlanRequest): Promise<PlanDto> {
  return api.call('updatePlan', { params: { id }, body });
}

/** Every rep of a partner (the API pages by 500 at most; a partner rarely has more than a few dozen). */
export async function fetchAllReps(partnerId: string): Promise<RepDto[]> {
  const reps: RepDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.call('listReps', { query: { partnerId, limit: 500, cursor } });
    reps.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return reps;
}

export function fetchRep(id: string): Promise<RepDto> {
  return api.call('getRep', { params: { id } });
}

export function createRep(body: CreateRepRequest): Promise<RepDto> {
  return api.call('createRep', { body });
}

export function updateRep(id: string, body: UpdateRepRequest): Promise<RepDto> {
  return api.call('updateRep', { params: { id }, body });
}

export function fetchTouchPage(owner: Owner, limit: number, cursor?: string): Promise<TouchListResponse> {
  return api.call('listTouches', { query: { ...owner, limit, cursor } });
}

export function fetchReferralPage(owner: Owner, limit: number, cursor?: string): Promise<ReferralListResponse> {
  return api.call('listReferrals', { query: { ...owner, limit, cursor } });
}

/**
 * Every action of a partner or rep. The API lists actions by due date, oldest first, so it cannot page
 * them newest first for the timeline; a partner's actions are few enough to read whole.
 */
export async function fetchAllActions(owner: Owner): Promise<ActionDto[]> {
  const actions: ActionDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.call('listActions', { query: { ...owner, limit: 500, cursor } });
    actions.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return actions;
}

export function fetchHistoryPage(partnerId: string, limit: number, cursor?: string): Promise<RouteResponse<'getPartnerHistory'>> {
  return api.call('getPartnerHistory', { params: { id: partnerId }, query: { limit, cursor } });
}

export function fetchCustomFields(entity: 'partner' | 'rep'): Promise<CustomFieldListResponse> {
  return api.call('listCustomFields', { query: { entity } });
}

export function createAction(body: CreateActionRequest): Promise<ActionDto> {
  return api.call('createAction', { body });
}

export function createReferral(body: CreateReferralRequest): Promise<ReferralDto> {
  return api.call('createReferral', { body });
}
