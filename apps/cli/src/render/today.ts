import { plural } from '@ptrack/catalog';
import type { ActionDto, TodayResponse } from '@ptrack/contracts';
import { actionWho, dueOn } from './actions';
import { color, shortId, weekday } from './format';

function groupByPartner(items: ActionDto[]): { partner: string; items: ActionDto[] }[] {
  const groups = new Map<string, { partner: string; items: ActionDto[] }>();
  for (const item of items) {
    const group = groups.get(item.partnerId) ?? { partner: item.partnerName, items: [] };
    group.items.push(item);
    groups.set(item.partnerId, group);
  }
  return [...groups.values()];
}

function actionLine(action: ActionDto, today: string): string {
  const when = action.dueDate === today ? color.green('today') : color.red(action.dueDate);
  const notes = action.notes ? ` — ${action.notes}` : '';
  const late = action.daysOverdue > 0 ? color.red(` · ${plural(action.daysOverdue, 'day')} overdue`) : '';
  const who = action.repName ? ` — ${actionWho(action)}` : '';
  return `    ${when} ${color.bold(action.type)}${who}${notes}${late}  ${color.dim(`[${shortId(action.id)}]`)}`;
}

function section(title: string, count: number, items: ActionDto[], today: string, paint: (s: string) => string): string[] {
  if (items.length === 0) return [];
  const lines = [paint(color.bold(`${title} (${count})`))];
  for (const group of groupByPartner(items)) {
    lines.push(`  ${color.cyan(group.partner)}`);
    for (const item of group.items) lines.push(actionLine(item, today));
  }
  if (count > items.length) lines.push(color.dim(`  … and ${count - items.length} more`));
  return lines;
}

/** The Monday list (docs/RULES.md "Know what to do today"): overdue, then due today, grouped by partner. */
export function renderToday(today: TodayResponse): string[] {
  const heading = color.dim(`Today is ${weekday(today.today)} ${today.today} (${today.timeZone})`);
  if (today.items.length === 0) {
    const next = today.upcoming[0];
    const upNext = next
      ? `Next up: ${dueOn(next)} — ${next.repName ? `${next.repName} (${next.partnerName})` : next.partnerName}.`
      : 'Nothing scheduled for the next 7 days.';
    return [heading, `Nothing due today. ${upNext}`];
  }
  const overdue = today.items.filter((i) => i.dueDate < today.today);
  const dueToday = today.items.filter((i) => i.dueDate >= today.today);
  return [
    heading,
    '',
    ...section('Overdue', today.overdue, overdue, today.today, color.red),
    ...(overdue.length > 0 && dueToday.length > 0 ? [''] : []),
    ...section('Due today', today.dueToday, dueToday, today.today, color.green),
  ];
}
