import type { ActionDto } from '@ptrack/contracts';

export type PartnerGroup = { partnerId: string; partnerName: string; items: ActionDto[] };

/** Actions grouped by partner, in the order their partners first appear (as `ptrack today` does). */
export function groupByPartner(items: ActionDto[]): PartnerGroup[] {
  const groups = new Map<string, PartnerGroup>();
  for (const item of items) {
    const group = groups.get(item.partnerId) ?? { partnerId: item.partnerId, partnerName: item.partnerName, items: [] };
    group.items.push(item);
    groups.set(item.partnerId, group);
  }
  return [...groups.values()];
}
