import type { CreateCustomFieldRequest, UpdateCustomFieldRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import { createCustomField, deleteCustomField, fetchCustomFields, updateCustomField } from '../api/settings.api';

export function useCustomFields() {
  return useQuery({ queryKey: queryKeys.customFields.all, queryFn: fetchCustomFields });
}

function useRefresh() {
  const client = useQueryClient();
  return () => invalidate(client, staleAfter.customFieldsChanged());
}

export function useCreateCustomField() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateCustomFieldRequest) => createCustomField(body), onSuccess: refresh });
}

export function useUpdateCustomField() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCustomFieldRequest }) => updateCustomField(id, body),
    onSuccess: refresh,
  });
}

export function useDeleteCustomField() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (field: { id: string; version: number }) => deleteCustomField(field),
    onSuccess: refresh,
  });
}
