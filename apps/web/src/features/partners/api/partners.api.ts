import type { CreatePartnerRequest, PartnerDto, PartnerListResponse } from '@ptrack/contracts';
import { api } from '../../../api/client';

/** How many partners the workspace has (one row fetched; the server counts them all). */
export async function fetchPartnerCount(): Promise<number> {
  const page = await api.get<PartnerListResponse>('/api/partners', { limit: 1 });
  return page.total;
}

export function createPartner(body: CreatePartnerRequest): Promise<PartnerDto> {
  return api.post<PartnerDto>('/api/partners', body);
}
