import type {
  CreateActionRequest,
  CreatePlanRequest,
  CreateReferralRequest,
  CreateRepRequest,
  PartnerDto,
  RepDto,
  UpdatePartnerRequest,
  UpdatePlanRequest,
  UpdateRepRequest,
} from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../api/client';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import { fetchPartner, updatePartner } from '../../partners/api/partners.api';
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

export function usePartner(id: string) {
  return useQuery({ queryKey: queryKeys.partners.one(id), queryFn: () => fetchPartner(id) });
}

export function usePlans(partnerId: string) {
  return useQuery({ queryKey: queryKeys.plans.ofPartner(partnerId), queryFn: () => fetchPlans(partnerId) });
}

export function useReps(partnerId: string) {
  return useQuery({ queryKey: queryKeys.reps.ofPartner(partnerId), queryFn: () => fetchAllReps(partnerId) });
}

export function useRep(id: string) {
  return useQuery({ queryKey: queryKeys.reps.one(id), queryFn: () => fetchRep(id) });
}

export function useCustomFields(entity: 'partner' | 'rep') {
  return useQuery({ queryKey: queryKeys.customFields.of(entity), queryFn: () => fetchCustomFields(entity), staleTime: 60_000 });
}

/**
 * A touch, action or intro changes much of what the page shows (rollups, next action, plan progress,
 * rep figures, the timeline, Today): refetch all of it rather than guess which figure moved.
 */
function useRefreshAfterActivity() {
  const client = useQueryClient();
  return () => invalidate(client, staleAfter.activity());
}

export function useUpdatePartner(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePartnerRequest) => updatePartner(id, body),
    onSuccess: (record: PartnerDto) => {
      client.setQueryData(queryKeys.partners.one(id), record);
      void invalidate(client, staleAfter.partnerEdited());
    },
  });
}

export function useUpdateRep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRepRequest) => updateRep(id, body),
    onSuccess: (record: RepDto) => {
      client.setQueryData(queryKeys.reps.one(id), record);
      void invalidate(client, staleAfter.repEdited(record.partnerId));
    },
  });
}

export function useSavePlan(partnerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdatePlanRequest } | { id: null; body: CreatePlanRequest }) =>
      input.id === null ? createPlan(input.body) : updatePlan(input.id, input.body),
    onSuccess: () => invalidate(client, staleAfter.planSaved(partnerId)),
    // A stale plan: read it again, so the next edit starts from the saved version.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT')
        void client.invalidateQueries({ queryKey: queryKeys.plans.ofPartner(partnerId) });
    },
  });
}

export function useCreateRep() {
  const refresh = useRefreshAfterActivity();
  return useMutation({ mutationFn: (body: CreateRepRequest) => createRep(body), onSuccess: refresh });
}

export function useCreateAction() {
  const refresh = useRefreshAfterActivity();
  return useMutation({ mutationFn: (body: CreateActionRequest) => createAction(body), onSuccess: refresh });
}

export function useCreateReferral() {
  const refresh = useRefreshAfterActivity();
  return useMutation({ mutationFn: (body: CreateReferralRequest) => createReferral(body), onSuccess: refresh });
}
