import type { SendDigestRequest, UpdateDigestSettingsRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchDigestSettings, regenerateCalendarToken, sendDigest, updateDigestSettings } from '../api/digests.api';

export const digestSettingsKey = ['digest-settings'] as const;

export function useDigestSettings() {
  return useQuery({ queryKey: digestSettingsKey, queryFn: fetchDigestSettings });
}

export function useUpdateDigestSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDigestSettingsRequest) => updateDigestSettings(body),
    onSuccess: (saved) => client.setQueryData(digestSettingsKey, saved),
  });
}

export function useSendDigest() {
  return useMutation({ mutationFn: (body: SendDigestRequest) => sendDigest(body) });
}

export function useRegenerateCalendarToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: regenerateCalendarToken,
    onSuccess: () => client.invalidateQueries({ queryKey: digestSettingsKey }),
  });
}
