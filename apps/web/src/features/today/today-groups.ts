import type { ActionDto } from '@ptrack/contracts';

export type PartnerGroup<T extends ActionDto = ActionDto> = { partnerId: string; partnerName: string; items: T[] };

/** Actions grouped by partner, in the order their partners first appear (as `ptrack today` does). */
export function groupByPartner<T extends ActionDto>(items: T[]): PartnerGroup<T>[] {
  const groups = new Map<string, PartnerGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.partnerId) ?? { partnerId: item.partnerId, partnerName: item.partnerName, items: [] };
    group.items.push(item);
    groups.set(item.partnerId, group);
  }
  return [...groups.values()];
}
