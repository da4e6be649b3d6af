import { UNTIERED_TIER } from '@ptrack/catalog';
import type { SettingsDto, UpdateSettingsRequest } from '@ptrack/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, staleAfter } from '../../../api/query-keys';
import { fetchSettings, updateSettings } from '../api/settings.api';

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: fetchSettings, staleTime: 60_000 });
}

// docs/RULES.md cadence rule: a rep without a tier follows the catalog's UNTIERED_TIER, as the server does.

/** Days until the next follow-up for a rep of `tier`, from the workspace cadences. */
export function cadenceFor(settings: SettingsDto | undefined, tier: number | null): number | undefined {
  if (!settings) return undefined;
  const key = String(tier ?? UNTIERED_TIER) as keyof SettingsDto['cadences'];
  return settings.cadences[key];
}

/** When a follow-up done today with a rep of `tier` is next due: the server's cadence date, on a working day. */
export function followUpDueFor(settings: SettingsDto | undefined, tier: number | null): string | undefined {
  if (!settings) return undefined;
  return settings.followUpDue[String(tier ?? UNTIERED_TIER) as keyof SettingsDto['followUpDue']];
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
