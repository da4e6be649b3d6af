import type { SettingsDto } from '@ptrack/contracts';
import { api } from '../../../api/client';

export function fetchSettings(): Promise<SettingsDto> {
  return api.get<SettingsDto>('/api/settings');
}
