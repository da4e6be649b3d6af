import type { CreateSavedViewRequest, ViewDto, ViewListResponse } from '@ptrack/contracts';
import { api } from '../../../api/client';

/** The six built-in views, then the saved views by name. */
export function fetchViews(): Promise<ViewListResponse> {
  return api.get<ViewListResponse>('/api/views');
}

export function createView(body: CreateSavedViewRequest): Promise<ViewDto> {
  return api.post<ViewDto>('/api/views', body);
}

export function deleteView(view: { id: string; version: number }): Promise<void> {
  return api.delete(`/api/views/${encodeURIComponent(view.id)}`, { version: view.version });
}
