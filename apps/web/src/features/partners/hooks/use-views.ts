import type { CreateSavedViewRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import { createView, deleteView, fetchViews } from '../api/views.api';

export function useViews() {
  return useQuery({ queryKey: queryKeys.views, queryFn: fetchViews, staleTime: 60_000 });
}

export function useCreateView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSavedViewRequest) => createView(body),
    onSuccess: () => invalidate(client, staleAfter.viewsChanged()),
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (view: { id: string; version: number }) => deleteView(view),
    onSuccess: () => invalidate(client, staleAfter.viewsChanged()),
  });
}
