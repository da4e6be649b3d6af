import type {
  DigestDeliveryReport,
  DigestPreviewDto,
  DigestSettingsDto,
  RouteResponse,
  SendDigestRequest,
  UpdateDigestSettingsRequest,
} from '@ptrack/contracts';
import { ApiError, api } from '../../../api/client';

export function fetchDigestSettings(): Promise<DigestSettingsDto> {
  return api.call('getDigestSettings');
}

export function updateDigestSettings(body: UpdateDigestSettingsRequest): Promise<DigestSettingsDto> {
  return api.call('updateDigestSettings', { body });
}

export function sendDigest(body: SendDigestRequest): Promise<DigestDeliveryReport> {
  return api.call('sendDigest', { body });
}

export function fetchDigestPreview(owner?: string): Promise<DigestPreviewDto> {
  return api.call('previewDigest', { query: owner ? { owner } : {} });
}

/** The email's HTML as the server renders it, for the preview frame (the JSON client does not read HTML). */
export async function fetchDigestHtml(owner?: string): Promise<string> {
  const res = await fetch(api.href('previewDigest', { query: { format: 'html', owner } })).catch(() => null);
  if (!res) throw new ApiError(0, { code: 'NETWORK', title: 'Cannot reach the server' });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
  return res.text();
}

export function regenerateCalendarToken(): Promise<RouteResponse<'regenerateCalendarToken'>> {
  return api.call('regenerateCalendarToken');
}
