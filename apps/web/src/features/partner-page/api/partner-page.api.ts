import type {
  ActionDto,
  ActionListResponse,
  CreateActionRequest,
  CreatePlanRequest,
  CreateReferralRequest,
  CreateRepRequest,
  CustomFieldListResponse,
  HistoryEntryDto,
  PlanDto,
  PlanListResponse,
  ReferralDto,
  ReferralListResponse,
  RepDto,
  RepListResponse,
  TouchListResponse,
  UpdatePlanRequest,
  UpdateRepRequest,
} from '@ptrack/contracts';
import { api } from '../../../api/client';

/** Who a list belongs to: a partner, or one rep of it. */
export type Owner = { partnerId: string } | { repId: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

export function fetchPlans(partnerId: string): Promise<PlanListResponse> {
  return api.get<PlanListResponse>('/api/plans', { partnerId });
}

export function createPlan(body: CreatePlanRequest): Promise<PlanDto> {
  return api.post<PlanDto>('/api/plans', body);
}

export function updatePlan(id: string, body: UpdatePlanRequest): Promise<PlanDto> {
  return api.patch<PlanDto>(`/api/plans/${encodeURIComponent(id)}`, body);
}

/** Every rep of a partner (the API pages by 500 at most; a partner rarely has more than a few dozen). */
export async function fetchAllReps(partnerId: string): Promise<RepDto[]> {
  const reps: RepDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<RepListResponse>('/api/reps', { partnerId, limit: 500, cursor });
    reps.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return reps;
}

export function fetchRep(id: string): Promise<RepDto> {
  return api.get<RepDto>(`/api/reps/${encodeURIComponent(id)}`);
}

export function createRep(body: CreateRepRequest): Promise<RepDto> {
  return api.post<RepDto>('/api/reps', body);
}

export function updateRep(id: string, body: UpdateRepRequest): Promise<RepDto> {
  return api.patch<RepDto>(`/api/reps/${encodeURIComponent(id)}`, body);
}

export function fetchTouchPage(owner: Owner, limit: number, cursor?: string): Promise<TouchListResponse> {
  return api.get<TouchListResponse>('/api/touches', { ...owner, limit, cursor });
}

export function fetchReferralPage(owner: Owner, limit: number, cursor?: string): Promise<ReferralListResponse> {
  return api.get<ReferralListResponse>('/api/referrals', { ...owner, limit, cursor });
}

/**
 * Every action of a partner or rep. The API lists actions by due date, oldest first, so it cannot page
 * them newest first for the timeline; a partner's actions are few enough to read whole.
 */
export async function fetchAllActions(owner: Owner): Promise<ActionDto[]> {
  const actions: ActionDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<ActionListResponse>('/api/actions', { ...owner, limit: 500, cursor });
    actions.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return actions;
}

export function fetchHistoryPage(partnerId: string, limit: number, cursor?: string): Promise<Page<HistoryEntryDto>> {
  return api.get<Page<HistoryEntryDto>>(`/api/partners/${encodeURIComponent(partnerId)}/history`, { limit, cursor });
}

export function fetchCustomFields(entity: 'partner' | 'rep'): Promise<CustomFieldListResponse> {
  return api.get<CustomFieldListResponse>('/api/custom-fields', { entity });
}

export function createAction(body: CreateActionRequest): Promise<ActionDto> {
  return api.post<ActionDto>('/api/actions', body);
}

export function createReferral(body: CreateReferralRequest): Promise<ReferralDto> {
  return api.post<ReferralDto>('/api/referrals', body);
}
