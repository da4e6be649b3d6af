import type { CreatePartnerRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createPartner, fetchPartnerCount } from '../api/partners.api';

export const partnerKeys = {
  all: ['partners'] as const,
  count: ['partners', 'count'] as const,
  list: ['partners', 'list'] as const,
  one: (id: string) => ['partners', 'one', id] as const,
};

export function usePartnerCount() {
  return useQuery({ queryKey: partnerKeys.count, queryFn: fetchPartnerCount });
}

export function useCreatePartner() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePartnerRequest) => createPartner(body),
    onSuccess: () => client.invalidateQueries({ queryKey: partnerKeys.all }),
  });
}
