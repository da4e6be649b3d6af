import type { CreatePartnerRequest, PartnerDto, PartnerListResponse, UpdatePartnerRequest } from '@ptrack/contracts';
import { api } from '../../../api/client';

/** How many partners the workspace has (one row fetched; the server counts them all). */
export async function fetchPartnerCount(): Promise<number> {
  const page = await api.call('listPartners', { query: { limit: 1 } });
  return page.total;
}

export function createPartner(body: CreatePartnerRequest): Promise<PartnerDto> {
  return api.call('createPartner', { body });
}

export type PartnerPageQuery = { view?: string; q?: string; sort?: string; filter?: string; limit: number; cursor?: string };

/** One page of the grid: the server filters (view, search), sorts and pages; `total` counts the whole list. */
export function fetchPartnerPage(query: PartnerPageQuery): Promise<PartnerListResponse> {
  return api.call('listPartners', { query });
}

export function fetchPartner(id: string): Promise<PartnerDto> {
  return api.call('getPartner', { params: { id } });
}

/** Changes the fields given, based on `version` (the one read): a stale version is refused with 409 VERSION_CONFLICT. */
export function updatePartner(id: string, body: UpdatePartnerRequest): Promise<PartnerDto> {
  return api.call('updatePartner', { params: { id }, body });
}
