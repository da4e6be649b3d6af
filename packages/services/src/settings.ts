import { TZDate } from '@date-fns/tz';
import type { SettingsDto, UpdateSettingsRequest } from '@ptrack/contracts';
import {
  AppError,
  type Cadences,
  DEFAULT_CADENCE_DAYS,
  DEFAULT_IPP_BANDS,
  DEFAULT_OPTION_LISTS,
  type IsoDate,
  isValidTimeZone,
  scheduleAfterTouch,
  startOfWeek,
  TIERS,
  todayIn,
  validIppBands,
} from '@ptrack/domain';
import { type Executor, one, refreshAllStats, workspaceSettings } from '@ptrack/storage';
import { eq } from 'drizzle-orm';
import { authorize } from './access/authorize';
import { inTransaction, type ServiceContext } from './context';
import { workspaceSettingsWriter } from './writes/settings-writers';

export type Settings = typeof workspaceSettings.$inferSelect;

function systemTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && isValidTimeZone(tz) ? tz : 'UTC';
}

/** The workspace settings, created with defaults (the machine's time zone) on first use. */
export async function loadSettings(tx: Executor): Promise<Settings> {
  const rows = await tx.select().from(workspaceSettings).where(eq(workspaceSettings.id, 1));
  if (rows[0]) return rows[0];
  await tx
    .insert(workspaceSettings)
    .values({
      id: 1,
      timeZone: systemTimeZone(),
      cadences: {
        '1': DEFAULT_CADENCE_DAYS[1],
        '2': DEFAULT_CADENCE_DAYS[2],
        '3': DEFAULT_CADENCE_DAYS[3],
        '4': DEFAULT_CADENCE_DAYS[4],
      },
      ippBands: { ...DEFAULT_IPP_BANDS },
      optionLists: structuredClone(DEFAULT_OPTION_LISTS) as Record<string, string[]>,
    })
    .onConflictDoNothing();
  return one(tx.select().from(workspaceSettings).where(eq(workspaceSettings.id, 1)), 'the workspace settings row');
}

export function cadencesOf(settings: Settings): Cadences {
  const c = settings.cadences;
  return { 1: c['1'], 2: c['2'], 3: c['3'], 4: c['4'] };
}

/** Today and the start of this week, both in the workspace time zone (docs/RULES.md: every "today"). */
export function calendarOf(settings: Settings, now: Date): { today: IsoDate; weekStartDate: IsoDate; weekStart: Date } {
  const today = todayIn(settings.timeZone, now);
  const weekStartDate = startOfWeek(today, settings.weekStartsOn as 0 | 1 | 2 | 3 | 4 | 5 | 6);
  const [y, m, d] = weekStartDate.split('-').map(Number) as [number, number, number];
  const weekStart = new Date(new TZDate(y, m - 1, d, settings.timeZone).getTime());
  return { today, weekStartDate, weekStart };
}

/** What the maintained rollups are computed for: the workspace's time zone and today there. */
export function statsClock(settings: Settings, now: Date): { timeZone: string; today: IsoDate } {
  return { timeZone: settings.timeZone, today: todayIn(settings.timeZone, now) };
}

export function toSettingsDto(settings: Settings, now: Date): SettingsDto {
  const today = todayIn(settings.timeZone, now);
  const dueAfter = (tier: 1 | 2 | 3 | 4) =>
    scheduleAfterTouch({ touchDate: today, tier, cadences: cadencesOf(settings), workingDays: settings.workingDays }).dueDate;
  return {
    timeZone: settings.timeZone,
    weekStartsOn: settings.weekStartsOn,
    workingDays: settings.workingDays,
    currency: settings.currency,
    cadences: settings.cadences,
    ippBands: settings.ippBands,
    optionLists: { ...DEFAULT_OPTION_LISTS, ...settings.optionLists },
    managersEditOwnPartnersOnly: settings.managersEditOwnPartnersOnly,
    hubspotPortalId: settings.hubspotPortalId,
    today,
    followUpDue: Object.fromEntries(TIERS.map((t) => [String(t), dueAfter(t)])) as SettingsDto['followUpDue'],
    version: settings.version,
    updatedAt: settings.updatedAt.toISOString(),
  };
}

export async function getSettings(ctx: ServiceContext): Promise<SettingsDto> {
  authorize(ctx, 'workspace:read');
  return inTransaction(ctx, async (tx) => toSettingsDto(await loadSettings(tx), ctx.now()));
}

export async function updateSettings(ctx: ServiceContext, input: UpdateSettingsRequest): Promise<SettingsDto> {
  authorize(ctx, 'settings:write');
  return inTransaction(ctx, async (tx) => {
    const current = await loadSettings(tx);
    if (current.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', 'The settings were changed by someone else', {
        current: toSettingsDto(current, ctx.now()),
      });
    }
    if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
      throw AppError.validation([
        { field: 'timeZone', message: `unknown time zone "${input.timeZone}" (use an IANA name such as Europe/Paris)` },
      ]);
    }
    if (input.ippBands !== undefined && !validIppBands(input.ippBands)) {
      throw AppError.validation([{ field: 'ippBands', message: 'must descend: strategic > good > evaluate, within 0–50' }]);
    }
    if (input.optionLists !== undefined) {
      for (const [name, values] of Object.entries(input.optionLists)) {
        if (!(name in DEFAULT_OPTION_LISTS)) {
          throw AppError.validation([
            {
              field: `optionLists.${name}`,
              message: `unknown option list (one of ${Object.keys(DEFAULT_OPTION_LISTS).join(', ')})`,
            },
          ]);
        }
        const seen = new Set<string>();
        for (const [i, v] of values.entries()) {
          if (seen.has(v.toLowerCase()))
            throw AppError.validation([{ field: `optionLists.${name}.${i}`, message: `"${v}" is listed twice` }]);
          seen.add(v.toLowerCase());
        }
      }
    }
    const { version: _version, ...patch } = input;
    if (patch.workingDays) patch.workingDays = [...patch.workingDays].sort((a, b) => a - b);
    const updated = await workspaceSettingsWriter.update({ tx, ctx }, current, {
      ...patch,
      ...(patch.optionLists ? { optionLists: { ...current.optionLists, ...patch.optionLists } } : {}),
    });
    // Touch dates are calendar days in the workspace time zone: a new zone changes them.
    if (patch.timeZone && patch.timeZone !== current.timeZone)
      await refreshAllStats(tx, { timeZone: patch.timeZone, today: todayIn(patch.timeZone, ctx.now()) });
    return toSettingsDto(updated, ctx.now());
  });
}
