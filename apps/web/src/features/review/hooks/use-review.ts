import type {
  CreateActionRequest,
  PartnerDto,
  PartnerListRowDto,
  UpdateActionRequest,
  UpdatePartnerRequest,
  UpdatePlanRequest,
} from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import { fetchPartner, updatePartner } from '../../partners/api/partners.api';
import {
  createAction,
  fetchOpenActions,
  fetchPlans,
  fetchReps,
  fetchReviewList,
  updateAction,
  updatePlan,
} from '../api/review.api';

// Under ['partners'] so that any write elsewhere that refreshes partners refreshes the review too.
const partnerKeys = queryKeys.partners;
const reviewKeys = {
  list: partnerKeys.reviewList,
  plans: partnerKeys.reviewPlans,
  reps: partnerKeys.reviewReps,
  actions: partnerKeys.reviewActions,
};

export function useReviewList() {
  return useQuery({ queryKey: reviewKeys.list, queryFn: fetchReviewList });
}

export function usePartner(id: string | null) {
  return useQuery({ queryKey: partnerKeys.one(id ?? ''), queryFn: () => fetchPartner(id ?? ''), enabled: id !== null });
}

export function usePlans(partnerId: string) {
  return useQuery({ queryKey: reviewKeys.plans(partnerId), queryFn: () => fetchPlans(partnerId) });
}

export function useReps(partnerId: string) {
  return useQuery({ queryKey: reviewKeys.reps(partnerId), queryFn: () => fetchReps(partnerId) });
}

export function useOpenActions(partnerId: string) {
  return useQuery({ queryKey: reviewKeys.actions(partnerId), queryFn: () => fetchOpenActions(partnerId) });
}

/** Loads what the review shows of a partner ahead of time, so stepping to it is instant. */
export function usePrefetchPartner() {
  const client = useQueryClient();
  return useCallback(
    (id: string) =>
      Promise.all([
        client.prefetchQuery({ queryKey: partnerKeys.one(id), queryFn: () => fetchPartner(id) }),
        client.prefetchQuery({ queryKey: reviewKeys.plans(id), queryFn: () => fetchPlans(id) }),
        client.prefetchQuery({ queryKey: reviewKeys.reps(id), queryFn: () => fetchReps(id) }),
        client.prefetchQuery({ queryKey: reviewKeys.actions(id), queryFn: () => fetchOpenActions(id) }),
      ]),
    [client],
  );
}

/** Puts a partner as the server answered it in the caches, so the page shows it without a refetch. */
export function useApplyPartner() {
  const client = useQueryClient();
  return (partner: PartnerDto) => {
    client.setQueryData(partnerKeys.one(partner.id), partner);
    client.setQueryData<PartnerListRowDto[]>(reviewKeys.list, (rows) =>
      rows?.map((r) =>
        r.id === partner.id
          ? {
              ...r,
              version: partner.version,
              programStatus: partner.programStatus,
              phase: partner.phase,
              reviewedThisWeek: partner.reviewedThisWeek,
            }
          : r,
      ),
    );
  };
}

export function useUpdatePartner() {
  const apply = useApplyPartner();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePartnerRequest }) => updatePartner(id, body),
    onSuccess: (partner) => {
      apply(partner);
      // The grid's rows carry these fields too; refresh them in the background.
      void client.invalidateQueries({ queryKey: partnerKeys.list });
    },
  });
}

/** After an action or touch: the partner's rollups, its actions and Today change on the server. */
function useRefreshPartner() {
  const client = useQueryClient();
  return (partnerId: string) => invalidate(client, staleAfter.reviewAction(partnerId));
}

export function useSaveAction(partnerId: string) {
  const refresh = useRefreshPartner();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateActionRequest } | { id?: undefined; body: CreateActionRequest }) =>
      input.id === undefined ? createAction(input.body) : updateAction(input.id, input.body),
    onSuccess: () => refresh(partnerId),
  });
}

export function useUpdatePlan(partnerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePlanRequest }) => updatePlan(id, body),
    onSuccess: () => invalidate(client, staleAfter.reviewPlanSaved(partnerId)),
  });
}
