import type { CreateSavedViewRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createView, deleteView, fetchViews } from '../api/views.api';

export const viewsKey = ['views'] as const;

export function useViews() {
  return useQuery({ queryKey: viewsKey, queryFn: fetchViews, staleTime: 60_000 });
}

export function useCreateView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSavedViewRequest) => createView(body),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (view: { id: string; version: number }) => deleteView(view),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey }),
  });
}
