import type {
  DigestDeliveryReport,
  DigestPreviewDto,
  DigestSettingsDto,
  SendDigestRequest,
  UpdateDigestSettingsRequest,
} from '@ptrack/contracts';
import { ApiError, api } from '../../../api/client';

export function fetchDigestSettings(): Promise<DigestSettingsDto> {
  return api.get<DigestSettingsDto>('/api/digests/settings');
}

export function updateDigestSettings(body: UpdateDigestSettingsRequest): Promise<DigestSettingsDto> {
  return api.put<DigestSettingsDto>('/api/digests/settings', body);
}

export function sendDigest(body: SendDigestRequest): Promise<DigestDeliveryReport> {
  return api.post<DigestDeliveryReport>('/api/digests/send', body);
}

export function fetchDigestPreview(owner?: string): Promise<DigestPreviewDto> {
  return api.get<DigestPreviewDto>('/api/digests/preview', owner ? { owner } : {});
}

/** The email's HTML as the server renders it, for the preview frame (the JSON client does not read HTML). */
export async function fetchDigestHtml(owner?: string): Promise<string> {
  const query = new URLSearchParams({ format: 'html', ...(owner ? { owner } : {}) });
  const res = await fetch(`/api/digests/preview?${query}`).catch(() => null);
  if (!res) throw new ApiError(0, { code: 'NETWORK', title: 'Cannot reach the server' });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
  return res.text();
}

export function regenerateCalendarToken(): Promise<{ calendarFeedPath: string; calendarFeedUrl: string | null }> {
  return api.post('/api/digests/calendar-token');
}
