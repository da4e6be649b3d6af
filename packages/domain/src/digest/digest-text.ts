import { plural } from '@ptrack/catalog';
import { dayOfWeek, type IsoDate } from '../calendar';
import { type DigestAction, type DigestPartner, isDigestEmpty, type OwnerDigest, ownerLabel } from './digest';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** How many rows a section lists before "and N more": a digest is read on a phone on Monday morning. */
export const DIGEST_SECTION_LIMIT = 15;

/** "Wednesday 2026-02-04". */
export function dayLabel(date: IsoDate): string {
  return `${WEEKDAYS[dayOfWeek(date)]} ${date}`;
}

/** Links into the web app from `baseUrl` (no trailing slash needed); null when no base URL is set. */
export type DigestLinks = { today: string; partner: (id: string) => string; needsAttention: string; plansAtRisk: string };

export function digestLinks(baseUrl: string | null): DigestLinks | null {
  if (!baseUrl) return null;
  const base = baseUrl.replace(/\/+$/, '');
  const atRisk = encodeURIComponent(JSON.stringify({ field: 'planStatus', op: 'eq', value: 'at-risk' }));
  return {
    today: `${base}/`,
    partner: (id) => `${base}/partners/${encodeURIComponent(id)}`,
    needsAttention: `${base}/partners?view=needs-attention`,
    plansAtRisk: `${base}/partners?filter=${atRisk}`,
  };
}

export function digestTitle(d: OwnerDigest): string {
  return `Partner list for ${ownerLabel(d.owner)} — ${dayLabel(d.today)}`;
}

/** "3 overdue · 1 due today · …": the counts line every channel shows under the title. */
export function digestSummary(d: OwnerDigest): string {
  const c = d.counts;
  return [
    `${c.overdue} overdue`,
    `${c.dueToday} due today`,
    `${c.laterThisWeek} later this week`,
    plural(c.plansAtRisk, 'plan at risk', 'plans at risk'),
    plural(c.needsAttention, 'partner needs attention', 'partners need attention'),
  ].join(' · ');
}

/** The one line a digest with nothing in it says. */
export function emptyDigestLine(d: OwnerDigest): string {
  return `Nothing for ${ownerLabel(d.owner)} this week: no actions due, no plans at risk, no partners needing attention.`;
}

// Notes may run to 2,000 characters; a digest line shows their start (the link leads to the rest).
export const DIGEST_NOTES_MAX = 140;

/** "Riley (Acme) — Follow-up: send the deck": docs/RULES.md's per-rep Monday line. */
export function actionLine(a: DigestAction): string {
  const who = a.repName ? `${a.repName} (${a.partnerName})` : a.partnerName;
  const notes = a.notes?.replace(/\s+/g, ' ').trim() ?? '';
  const shown = notes.length > DIGEST_NOTES_MAX ? `${notes.slice(0, DIGEST_NOTES_MAX - 1)}…` : notes;
  return `${who} — ${a.type}${shown ? `: ${shown}` : ''}`;
}

export function actionWhen(a: DigestAction, today: IsoDate): string {
  if (a.dueDate < today) return `due ${a.dueDate}, ${plural(a.daysOverdue, 'day', 'days')} overdue`;
  if (a.dueDate === today) return 'due today';
  return `due ${dayLabel(a.dueDate)}`;
}

export function attentionWhen(p: DigestPartner): string {
  return p.daysSinceLastTouch === null ? 'never touched' : `no touch in ${p.daysSinceLastTouch} days`;
}

export type DigestSection =
  | { kind: 'actions'; title: string; total: number; items: DigestAction[] }
  | {
      kind: 'partners';
      title: string;
      total: number;
      items: DigestPartner[];
      attention: boolean;
      link: 'needsAttention' | 'plansAtRisk';
    };

/** The non-empty sections in reading order, each cut to `limit` rows (total says how many there are). */
export function digestSections(d: OwnerDigest, limit = DIGEST_SECTION_LIMIT): DigestSection[] {
  const sections: DigestSection[] = [
    { kind: 'actions', title: 'Overdue', total: d.overdue.length, items: d.overdue.slice(0, limit) },
    { kind: 'actions', title: 'Due today', total: d.dueToday.length, items: d.dueToday.slice(0, limit) },
    { kind: 'actions', title: 'Later this week', total: d.laterThisWeek.length, items: d.laterThisWeek.slice(0, limit) },
    {
      kind: 'partners',
      title: 'Plans at risk',
      total: d.plansAtRisk.length,
      items: d.plansAtRisk.slice(0, limit),
      attention: false,
      link: 'plansAtRisk',
    },
    {
      kind: 'partners',
      title: 'Partners needing attention',
      total: d.needsAttention.length,
      items: d.needsAttention.slice(0, limit),
      attention: true,
      link: 'needsAttention',
    },
  ];
  return sections.filter((s) => s.total > 0);
}

/** One row of a digest section as every format shows it: its label, the note after it, where it links. */
export type DigestLine = { label: string; note: string | null; url: string | null };

/** A section's rows, and its "…and N more" row when it was cut (links only when the app's address is known). */
export function digestSectionLines(
  s: DigestSection,
  today: IsoDate,
  links: DigestLinks | null,
): { lines: DigestLine[]; more: DigestLine | null } {
  const lines =
    s.kind === 'actions'
      ? s.items.map((a) => ({ label: actionLine(a), note: actionWhen(a, today), url: links?.partner(a.partnerId) ?? null }))
      : s.items.map((p) => ({ label: p.name, note: s.attention ? attentionWhen(p) : null, url: links?.partner(p.id) ?? null }));
  const more =
    s.total > s.items.length
      ? {
          label: `…and ${s.total - s.items.length} more`,
          note: null,
          url: links ? (s.kind === 'actions' ? links.today : links[s.link]) : null,
        }
      : null;
  return { lines, more };
}

/** The plain-text digest: the email's text part and `ptrack digest --to stdout`. */
export function renderDigestText(d: OwnerDigest, baseUrl: string | null, limit = DIGEST_SECTION_LIMIT): string {
  const links = digestLinks(baseUrl);
  const lines = [digestTitle(d)];
  if (isDigestEmpty(d)) {
    lines.push(emptyDigestLine(d));
    return `${lines.join('\n')}\n`;
  }
  lines.push(digestSummary(d));
  for (const s of digestSections(d, limit)) {
    lines.push('', `${s.title} (${s.total})`);
    if (s.kind === 'actions') {
      for (const a of s.items)
        lines.push(`- ${actionLine(a)} (${actionWhen(a, d.today)})${links ? ` ${links.partner(a.partnerId)}` : ''}`);
    } else {
      for (const p of s.items)
        lines.push(`- ${p.name}${s.attention ? ` (${attentionWhen(p)})` : ''}${links ? ` ${links.partner(p.id)}` : ''}`);
    }
    if (s.total > s.items.length)
      lines.push(
        `  …and ${s.total - s.items.length} more${links ? `: ${s.kind === 'actions' ? links.today : links[s.link]}` : ''}`,
      );
  }
  if (links) lines.push('', `Open the Today list: ${links.today}`);
  return `${lines.join('\n')}\n`;
}
