import type { SettingsDto, UpdateSettingsRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import { fetchSettings, updateSettings } from '../api/settings.api';

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: fetchSettings, staleTime: 60_000 });
}

/** The workspace's list of action types (editable in settings), "Follow-up" first by default. */
export function actionTypesOf(settings: SettingsDto | undefined): string[] {
  return settings?.optionLists.actionType ?? ['Follow-up'];
}

/** Saves part of the settings; the answer replaces the cached settings (other sections' drafts stay). */
export function useUpdateSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSettingsRequest) => updateSettings(body),
    onSuccess: (saved) => {
      client.setQueryData(queryKeys.settings, saved);
      void invalidate(client, staleAfter.settingsSaved());
    },
  });
}
