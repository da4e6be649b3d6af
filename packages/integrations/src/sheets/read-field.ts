import {
  DEFAULT_OPTION_LISTS,
  findOptionValue,
  type OptionListName,
  PLAN_METRIC_LABELS,
  PLAN_METRICS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  type PlanMetric,
  type PlanStatus,
} from '@ptrack/domain';
import type { ValueKind } from './column-targets';
import type { CustomFieldDef } from './header-match';
import { normaliseHeader } from './normalise-header';
import { type DateOrder, parseDate } from './parse-date';
import { parseMoney } from './parse-money';
import {
  parseEmail,
  parseHubspotId,
  parseInteger,
  parseList,
  parseNumber,
  parseOption,
  parseScore,
  parseText,
  parseTier,
  parseUrl,
  parseYesNo,
} from './parse-values';
import { cellText, fail, ok, type Parsed, type SheetCell } from './parsed';

export type ReadFieldOptions = {
  dateOrder?: DateOrder;
  optionLists?: Readonly<Partial<Record<OptionListName, readonly string[]>>>;
  /** The workspace currency: an amount naming another currency is a problem, never converted. */
  currency?: string;
};

/** The value a field of a kind holds once read. */
export type ValueOf<K extends ValueKind> = K extends { kind: 'list' }
  ? string[]
  : K extends { kind: 'score' | 'count' | 'money' }
    ? number | null
    : K extends { kind: 'tier' }
      ? 1 | 2 | 3 | 4 | null
      : K extends { kind: 'yesNo' }
        ? 'yes' | 'no' | null
        : K extends { kind: 'flag' }
          ? boolean | null
          : K extends { kind: 'planStatus' }
            ? PlanStatus | null
            : K extends { kind: 'planMetric' }
              ? PlanMetric | null
              : string | null;

const byLabel = <T extends string>(ids: readonly T[], labels: Readonly<Record<T, string>>) => {
  const m = new Map<string, T>();
  for (const id of ids) {
    m.set(normaliseHeader(id), id);
    m.set(normaliseHeader(labels[id]), id);
  }
  return m;
};
const PLAN_STATUS_BY_LABEL = byLabel(PLAN_STATUSES, PLAN_STATUS_LABELS);
const PLAN_METRIC_BY_LABEL = byLabel(PLAN_METRICS, PLAN_METRIC_LABELS);

function closedList<T extends string>(cell: SheetCell, map: Map<string, T>, labels: readonly string[]): Parsed<T | null> {
  const t = cellText(cell);
  if (t === '') return ok(null);
  const id = map.get(normaliseHeader(t));
  return id ? ok(id) : fail(`"${t}" is not one of ${labels.join(', ')}`);
}

/** Reads one cell for a field of the given kind. */
export function readField(kind: ValueKind, cell: SheetCell, options: ReadFieldOptions): Parsed<unknown> {
  switch (kind.kind) {
    case 'text': {
      const r = parseText(cell, kind.max);
      return r.ok && r.value === null && kind.required ? fail('is required') : r;
    }
    case 'option': {
      const allowed = options.optionLists?.[kind.list] ?? DEFAULT_OPTION_LISTS[kind.list];
      const t = cellText(cell);
      // seed 000 writes phases "Phase 2"; people also write just "2".
      if (kind.list === 'phase' && /^\d$/.test(t)) {
        const found = findOptionValue(allowed, `Phase ${t}`);
        if (found) return ok(found);
      }
      return parseOption(cell, allowed);
    }
    case 'planStatus':
      return closedList(cell, PLAN_STATUS_BY_LABEL, Object.values(PLAN_STATUS_LABELS));
    case 'planMetric':
      return closedList(cell, PLAN_METRIC_BY_LABEL, Object.values(PLAN_METRIC_LABELS));
    case 'yesNo': {
      const r = parseYesNo(cell);
      return r.ok ? ok(r.value === null ? null : r.value ? 'yes' : 'no') : r;
    }
    case 'flag':
      return parseYesNo(cell);
    case 'list': {
      const r = parseList(cell);
      if (!r.ok) return r;
      if (r.value.length > 200) return fail(`lists at most 200 items (${r.value.length})`);
      const long = r.value.find((v) => v.length > 200);
      return long ? fail(`"${long.slice(0, 40)}…" is longer than 200 characters`) : r;
    }
    case 'email':
      return parseEmail(cell);
    case 'url':
      return parseUrl(cell);
    case 'date':
      return parseDate(cell, { dateOrder: options.dateOrder });
    case 'score':
      return parseScore(cell, kind.min, kind.max);
    case 'count':
      return parseInteger(cell, { min: 0 });
    case 'tier':
      return parseTier(cell);
    case 'hubspot':
      return parseHubspotId(cell, kind.object);
    case 'money': {
      const r = parseMoney(cell, { defaultCurrency: options.currency });
      if (!r.ok || r.value === null) return r;
      const { minor, currency } = r.value;
      if (currency && options.currency && currency !== options.currency)
        return fail(`the amount is in ${currency}; the workspace currency is ${options.currency} (amounts are not converted)`);
      return ok(minor);
    }
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** Reads one cell of a custom field: numbers as numbers, dates as YYYY-MM-DD, checkboxes as booleans. */
export function readCustom(
  def: CustomFieldDef,
  cell: SheetCell,
  options: ReadFieldOptions,
): Parsed<string | number | boolean | null> {
  switch (def.type) {
    case 'text':
      return parseText(cell, 5000);
    case 'number':
      return parseNumber(cell);
    case 'date':
      return parseDate(cell, { dateOrder: options.dateOrder });
    case 'checkbox':
      return parseYesNo(cell);
    case 'url':
      return parseUrl(cell);
    case 'select': {
      const r = parseText(cell, 200);
      if (!r.ok || r.value === null) return r;
      return ok(findOptionValue(def.options ?? [], r.value) ?? r.value);
    }
    default: {
      const never: never = def.type;
      return never;
    }
  }
}
