import { plural } from '@ptrack/catalog';
import type { PartnerDto, PlanDto, RepDto } from '@ptrack/contracts';
import { PLAN_METRIC_LABELS, PLAN_STATUS_LABELS } from '@ptrack/domain';
import { color, money, repBadge, shortId, weekday } from './format';

const VERDICTS = { pursue: 'Pursue', 'polite-pass': 'Polite pass', incomplete: 'Incomplete' } as const;

function qualification(partner: PartnerDto): string[] {
  const q = partner.qualification;
  const paint = q.verdict === 'pursue' ? color.green : q.verdict === 'polite-pass' ? color.red : color.yellow;
  return [`Qualification: ${paint(color.bold(VERDICTS[q.verdict]))}`, ...q.reasons.map((r) => `  - ${r.text}`)];
}

function plan(plans: PlanDto[]): string[] {
  const current = plans.find((p) => p.isCurrent);
  if (!current) return [`90-day plan: ${color.dim('none')}`];
  const status = current.status ?? current.suggestedStatus;
  const suggestion =
    current.status !== null && current.status !== current.suggestedStatus
      ? color.dim(` (suggested: ${PLAN_STATUS_LABELS[current.suggestedStatus]})`)
      : '';
  return [
    `90-day plan: ${color.bold(current.goal)}`,
    `  ${PLAN_METRIC_LABELS[current.metric]}: ${current.progress}/${current.target} · ${current.startDate} → ${current.endDate} · ${PLAN_STATUS_LABELS[status]}${suggestion}`,
  ];
}

function reps(list: RepDto[]): string[] {
  if (list.length === 0) return [`Reps: ${color.dim('none')}`];
  const sorted = [...list].sort((a, b) => (a.engagementTier ?? 9) - (b.engagementTier ?? 9) || a.name.localeCompare(b.name));
  const lines = [`Reps (${list.length}):`];
  for (const rep of sorted) {
    const last = rep.lastContactDate ? `last contact ${rep.lastContactDate}` : 'never contacted';
    const next = rep.nextAction ? ` · next ${rep.nextAction.type} ${rep.nextAction.dueDate}` : '';
    const suggest =
      rep.engagementTier !== null && rep.suggestedTier !== null && rep.suggestedTier !== rep.engagementTier
        ? color.dim(` (suggested T${rep.suggestedTier})`)
        : '';
    lines.push(
      `  ${repBadge(rep.engagementTier, rep.isJordan)}  ${color.bold(rep.name)}${rep.title ? `, ${rep.title}` : ''}${suggest} — ${last}${next}`,
    );
  }
  return lines;
}

function performance(partner: PartnerDto): string {
  const p = partner.performance;
  const conversion = p.introToDealConversion === null ? '—' : `${Math.round(p.introToDealConversion * 1000) / 10}%`;
  return (
    `Performance: ${plural(p.introsMade, 'intro')}, ${p.qualifiedConversations} qualified, ${plural(p.dealsBroughtIn, 'deal')}, ` +
    `${p.closedWon} won · pipeline ${money(p.pipelineValueMinor)} · intro→deal ${conversion}`
  );
}

/** One partner: what it is, whether to pursue it, its 90-day plan, its reps by tier, what is next. */
export function renderPartner(partner: PartnerDto, repList: RepDto[], plans: PlanDto[]): string[] {
  const facts = [partner.type, partner.programStatus, partner.phase, partner.owner ? `owner ${partner.owner}` : null].filter(
    (f): f is string => Boolean(f),
  );
  const next = partner.rollup.nextAction;
  const touch =
    partner.daysSinceLastTouch === null
      ? 'never touched'
      : `last touch ${partner.lastEngagementDate} (${plural(partner.daysSinceLastTouch, 'day')} ago)`;
  return [
    `${color.bold(color.cyan(partner.name))}${facts.length > 0 ? `  ${color.dim(facts.join(' · '))}` : ''}`,
    ...qualification(partner),
    ...plan(plans),
    ...reps(repList),
    next
      ? `Next action: ${color.bold(`${next.type} on ${next.dueDate} (${weekday(next.dueDate)})`)}${next.repName ? ` with ${next.repName}` : ''}${next.notes ? ` — ${next.notes}` : ''} ${color.dim(`[${shortId(next.id)}]`)}`
      : `Next action: ${color.dim('none')}`,
    `Activity: ${touch}`,
    performance(partner),
  ];
}
