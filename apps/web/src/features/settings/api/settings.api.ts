import type {
  CreateCustomFieldRequest,
  CustomFieldDto,
  CustomFieldListResponse,
  SettingsDto,
  UpdateCustomFieldRequest,
  UpdateSettingsRequest,
} from '@ptrack/contracts';
import { api } from '../../../api/client';

export function fetchSettings(): Promise<SettingsDto> {
  return api.get<SettingsDto>('/api/settings');
}

/** Changes the settings given, based on `version`: a stale version is refused with 409 VERSION_CONFLICT. */
export function updateSettings(body: UpdateSettingsRequest): Promise<SettingsDto> {
  return api.patch<SettingsDto>('/api/settings', body);
}

export function fetchCustomFields(): Promise<CustomFieldListResponse> {
  return api.get<CustomFieldListResponse>('/api/custom-fields');
}

export function createCustomField(body: CreateCustomFieldRequest): Promise<CustomFieldDto> {
  return api.post<CustomFieldDto>('/api/custom-fields', body);
}

export function updateCustomField(id: string, body: UpdateCustomFieldRequest): Promise<CustomFieldDto> {
  return api.patch<CustomFieldDto>(`/api/custom-fields/${encodeURIComponent(id)}`, body);
}

export function deleteCustomField(field: { id: string; version: number }): Promise<void> {
  return api.delete(`/api/custom-fields/${encodeURIComponent(field.id)}`, { version: field.version });
}
