import type { CreatePartnerRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import { createPartner, fetchPartnerCount } from '../api/partners.api';

export function usePartnerCount() {
  return useQuery({ queryKey: queryKeys.partners.count, queryFn: fetchPartnerCount });
}

export function useCreatePartner() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePartnerRequest) => createPartner(body),
    onSuccess: () => invalidate(client, staleAfter.partnerCreated()),
  });
}
