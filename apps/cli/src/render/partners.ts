import { PARTNER_GRID_LABELS as G, PARTNER_RECORD_LABELS } from '@ptrack/catalog';
import type { PartnerListResponse } from '@ptrack/contracts';
import { color, money, table, truncate } from './format';

/** The partner grid, compact: one row per partner with its rep tiers, next action, last touch and pipeline. */
export function renderPartners(list: PartnerListResponse): string[] {
  if (list.items.length === 0) return ['No partners match.'];
  const rows = list.items.map((p) => {
    const next = p.nextActionDate
      ? `${p.nextActionDate < list.today ? color.red(p.nextActionDate) : p.nextActionDate} ${p.nextActionType ?? ''}${p.nextActionRep ? ` · ${p.nextActionRep}` : ''}`
      : color.dim('—');
    const touch = p.daysSinceLastTouch === null ? color.dim('never') : `${p.daysSinceLastTouch}d`;
    return [
      truncate(p.name, 32),
      p.type ?? '',
      p.programStatus ?? '',
      `${p.tier1Reps}/${p.tier2Reps}/${p.tier3Reps}/${p.tier4Reps}${p.jordanCount > 0 ? ` ${color.yellow('★')}${p.jordanCount}` : ''}`,
      touch,
      p.pipelineValueMinor > 0 ? money(p.pipelineValueMinor) : color.dim('0'),
      truncate(next, 60),
    ];
  });
  const lines = table(
    ['Partner', 'Type', 'Status', 'Reps T1/2/3/4', G.lastEngagementDate, 'Pipeline', PARTNER_RECORD_LABELS.nextAction],
    rows,
    ['left', 'left', 'left', 'left', 'right', 'right', 'left'],
  );
  const shown = list.items.length < list.total ? `${list.items.length} of ${list.total}` : String(list.total);
  return [...lines, color.dim(`${shown} ${list.total === 1 ? 'partner' : 'partners'}`)];
}
