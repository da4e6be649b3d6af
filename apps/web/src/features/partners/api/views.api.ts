import type { CreateSavedViewRequest, ViewDto, ViewListResponse } from '@ptrack/contracts';
import { api } from '../../../api/client';

/** The six built-in views, then the saved views by name. */
export function fetchViews(): Promise<ViewListResponse> {
  return api.call('listViews');
}

export function createView(body: CreateSavedViewRequest): Promise<ViewDto> {
  return api.call('createView', { body });
}

export function deleteView(view: { id: string; version: number }): Promise<void> {
  return api.call('deleteView', { params: { id: view.id }, query: { version: view.version } });
}
