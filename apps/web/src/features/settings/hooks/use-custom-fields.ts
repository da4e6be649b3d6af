import type { CreateCustomFieldRequest, UpdateCustomFieldRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createCustomField, deleteCustomField, fetchCustomFields, updateCustomField } from '../api/settings.api';

export const customFieldsKey = ['custom-fields'] as const;

export function useCustomFields() {
  return useQuery({ queryKey: customFieldsKey, queryFn: fetchCustomFields });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: customFieldsKey });
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
