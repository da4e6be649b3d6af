import type { ActionDto, ActionListResponse, RepDto, RepListResponse } from '@ptrack/contracts';
import { type ApiClient, call } from './client';
import { CliError, EXIT } from './errors';
import { shortId } from './render/format';

// People name partners, reps and actions; the API wants ids. These turn names into ids the same way
// everywhere: an id as is, else a case-insensitive exact name, else a unique partial match.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LISTED = 8;

function candidates(names: string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown}, … (${names.length} in all)` : shown;
}

/** The item when there is exactly one. */
function onlyOne<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

function pick<T extends { name: string }>(items: T[], wanted: string, what: string, notFound: string): T {
  const needle = wanted.trim().toLowerCase();
  const exact = onlyOne(items.filter((i) => i.name.toLowerCase() === needle));
  if (exact) return exact;
  const partial = items.filter((i) => i.name.toLowerCase().includes(needle));
  const only = onlyOne(partial);
  if (only) return only;
  if (partial.length === 0) throw new CliError(notFound, EXIT.NOT_FOUND);
  throw new CliError(
    `"${wanted}" matches ${partial.length} ${what}: ${candidates(partial.map((i) => i.name))} — give the full name`,
    EXIT.FAILED,
  );
}

export type PartnerRef = { id: string; name: string };

export async function resolvePartner(client: ApiClient, wanted: string): Promise<PartnerRef> {
  if (UUID.test(wanted)) {
    const partner = await call(client, 'getPartner', { params: { id: wanted } });
    return { id: partner.id, name: partner.name };
  }
  if (wanted.trim() === '') throw new CliError('give a partner name', EXIT.USAGE);
  const list = await call(client, 'listPartners', { query: { q: wanted.trim(), limit: 500, sort: 'name' } });
  return pick(list.items, wanted, 'partners', `no partner named "${wanted}"`);
}

export async function resolveRep(client: ApiClient, partner: PartnerRef, wanted: string): Promise<RepDto> {
  const reps: RepDto[] = [];
  let cursor: string | null = null;
  do {
    const page: RepListResponse = await call(client, 'listReps', {
      query: { partnerId: partner.id, limit: 500, cursor: cursor ?? undefined },
    });
    reps.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  if (UUID.test(wanted)) {
    const rep = reps.find((r) => r.id === wanted.toLowerCase());
    if (rep) return rep;
  }
  const known = reps.length > 0 ? ` (reps: ${candidates(reps.map((r) => r.name))})` : ' (it has no reps yet)';
  return pick(reps, wanted, `reps of ${partner.name}`, `${partner.name} has no rep named "${wanted}"${known}`);
}

async function openActions(client: ApiClient, filter: { partnerId?: string }): Promise<ActionDto[]> {
  const items: ActionDto[] = [];
  let cursor: string | null = null;
  do {
    const query = { ...filter, status: 'open', limit: 500, cursor: cursor ?? undefined } as const;
    const page: ActionListResponse = await call(client, 'listActions', { query });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * An action as people name it: its id, the short id `ptrack today` shows, or a partner (and rep)
 * meaning their earliest open action.
 */
export async function resolveAction(client: ApiClient, wanted: string, repName?: string): Promise<ActionDto> {
  if (UUID.test(wanted) && repName === undefined) return call(client, 'getAction', { params: { id: wanted } });
  if (/^[0-9a-f]{6,36}$/i.test(wanted) && repName === undefined) {
    const prefix = wanted.toLowerCase();
    const matches = (await openActions(client, {})).filter(
      (a) => shortId(a.id) === prefix || a.id.replaceAll('-', '').endsWith(prefix) || a.id.startsWith(prefix),
    );
    const only = onlyOne(matches);
    if (only) return only;
    if (matches.length > 1) throw new CliError(`"${wanted}" matches ${matches.length} open actions: give more of the id`);
  }
  const partner = await resolvePartner(client, wanted);
  const rep = repName === undefined ? null : await resolveRep(client, partner, repName);
  const query = { partnerId: partner.id, status: 'open', limit: 1, repId: rep?.id } as const;
  const [first] = (await call(client, 'listActions', { query })).items;
  if (!first) throw new CliError(`${rep ? `${rep.name} (${partner.name})` : partner.name} has no open action`, EXIT.NOT_FOUND);
  return first;
}
