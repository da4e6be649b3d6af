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
  return api.call('getSettings');
}

/** Changes the settings given, based on `version`: a stale version is refused with 409 VERSION_CONFLICT. */
export function updateSettings(body: UpdateSettingsRequest): Promise<SettingsDto> {
  return api.call('updateSettings', { body });
}

export function fetchCustomFields(): Promise<CustomFieldListResponse> {
  return api.call('listCustomFields');
}

export function createCustomField(body: CreateCustomFieldRequest): Promise<CustomFieldDto> {
  return api.call('createCustomField', { body });
}

export function updateCustomField(id: string, body: UpdateCustomFieldRequest): Promise<CustomFieldDto> {
  return api.call('updateCustomField', { params: { id }, body });
}

export function deleteCustomField(field: { id: string; version: number }): Promise<void> {
  return api.call('deleteCustomField', { params: { id: field.id }, query: { version: field.version } });
}
