import type {
  CreateActionRequest,
  CreatePlanRequest,
  CreateReferralRequest,
  CreateRepRequest,
  LogTouchRequest,
  PartnerDto,
  RepDto,
  UpdatePartnerRequest,
  UpdatePlanRequest,
  UpdateRepRequest,
} from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/client';
import { fetchPartner, updatePartner } from '../../partners/api/partners.api';
import { partnerKeys } from '../../partners/hooks/use-partners';
import { logTouch } from '../../today/api/today.api';
import { todayKey } from '../../today/hooks/use-today';
import {
  createAction,
  createPlan,
  createReferral,
  createRep,
  fetchAllReps,
  fetchCustomFields,
  fetchPlans,
  fetchRep,
  updatePlan,
  updateRep,
} from '../api/partner-page.api';

export const pageKeys = {
  plans: (partnerId: string) => ['plans', partnerId] as const,
  repsAll: ['reps'] as const,
  reps: (partnerId: string) => ['reps', 'of-partner', partnerId] as const,
  rep: (id: string) => ['reps', 'one', id] as const,
  customFields: (entity: 'partner' | 'rep') => ['custom-fields', entity] as const,
  timeline: ['timeline'] as const,
};

export function usePartner(id: string) {
  return useQuery({ queryKey: partnerKeys.one(id), queryFn: () => fetchPartner(id) });
}

export function usePlans(partnerId: string) {
  return useQuery({ queryKey: pageKeys.plans(partnerId), queryFn: () => fetchPlans(partnerId) });
}

export function useReps(partnerId: string) {
  return useQuery({ queryKey: pageKeys.reps(partnerId), queryFn: () => fetchAllReps(partnerId) });
}

export function useRep(id: string) {
  return useQuery({ queryKey: pageKeys.rep(id), queryFn: () => fetchRep(id) });
}

export function useCustomFields(entity: 'partner' | 'rep') {
  return useQuery({ queryKey: pageKeys.customFields(entity), queryFn: () => fetchCustomFields(entity), staleTime: 60_000 });
}

/**
 * A touch, action or intro changes much of what the page shows (rollups, next action, plan progress,
 * rep figures, the timeline, Today): refetch all of it rather than guess which figure moved.
 */
function useRefreshAfterActivity() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [partnerKeys.all, pageKeys.repsAll, ['plans'], pageKeys.timeline, todayKey].map((queryKey) =>
        client.invalidateQueries({ queryKey }),
      ),
    );
}

export function useUpdatePartner(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePartnerRequest) => updatePartner(id, body),
    onSuccess: (record: PartnerDto) => {
      client.setQueryData(partnerKeys.one(id), record);
      void client.invalidateQueries({ queryKey: partnerKeys.list });
      void client.invalidateQueries({ queryKey: pageKeys.timeline });
    },
  });
}

export function useUpdateRep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRepRequest) => updateRep(id, body),
    onSuccess: (record: RepDto) => {
      client.setQueryData(pageKeys.rep(id), record);
      void client.invalidateQueries({ queryKey: pageKeys.reps(record.partnerId) });
      void client.invalidateQueries({ queryKey: partnerKeys.one(record.partnerId) });
      void client.invalidateQueries({ queryKey: partnerKeys.list });
      void client.invalidateQueries({ queryKey: pageKeys.timeline });
    },
  });
}

export function useSavePlan(partnerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdatePlanRequest } | { id: null; body: CreatePlanRequest }) =>
      input.id === null ? createPlan(input.body) : updatePlan(input.id, input.body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: pageKeys.plans(partnerId) }),
        client.invalidateQueries({ queryKey: partnerKeys.list }),
        client.invalidateQueries({ queryKey: pageKeys.timeline }),
      ]),
    // A stale plan: read it again, so the next edit starts from the saved version.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT')
        void client.invalidateQueries({ queryKey: pageKeys.plans(partnerId) });
    },
  });
}

export function useCreateRep() {
  const refresh = useRefreshAfterActivity();
  return useMutation({ mutationFn: (body: CreateRepRequest) => createRep(body), onSuccess: refresh });
}

export function useLogPartnerTouch() {
  const refresh = useRefreshAfterActivity();
  return useMutation({ mutationFn: (body: LogTouchRequest) => logTouch(body), onSuccess: refresh });
}

export function useCreateAction() {
  const refresh = useRefreshAfterActivity();
  return useMutation({ mutationFn: (body: CreateActionRequest) => createAction(body), onSuccess: refresh });
}

export function useCreateReferral() {
  const refresh = useRefreshAfterActivity();
  return useMutation({ mutationFn: (body: CreateReferralRequest) => createReferral(body), onSuccess: refresh });
}
