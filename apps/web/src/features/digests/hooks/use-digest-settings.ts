import type { SendDigestRequest, UpdateDigestSettingsRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import { fetchDigestSettings, regenerateCalendarToken, sendDigest, updateDigestSettings } from '../api/digests.api';

export function useDigestSettings() {
  return useQuery({ queryKey: queryKeys.digestSettings, queryFn: fetchDigestSettings });
}

export function useUpdateDigestSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDigestSettingsRequest) => updateDigestSettings(body),
    onSuccess: (saved) => client.setQueryData(queryKeys.digestSettings, saved),
  });
}

export function useSendDigest() {
  return useMutation({ mutationFn: (body: SendDigestRequest) => sendDigest(body) });
}

export function useRegenerateCalendarToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: regenerateCalendarToken,
    onSuccess: () => invalidate(client, staleAfter.calendarTokenChanged()),
  });
}
