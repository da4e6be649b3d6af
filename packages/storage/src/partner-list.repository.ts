import {
  addDays,
  type Filter,
  type FilterCondition,
  type IsoDate,
  PARTNER_LIST_FIELDS,
  type PartnerListField,
  type SortKey,
} from '@ptrack/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryJsonRows, queryRows } from './database';

export type PartnerListParams = {
  today: IsoDate;
  /** The instant the current week began in the workspace time zone (weekly review). */
  weekStart: Date;
  ippBands: { strategic: number; good: number; evaluate: number };
  filter: Filter | null;
  search?: string | undefined;
  sort: SortKey[];
  limit: number;
  /** Sort values and id of the last row of the previous page. */
  after?: unknown[] | undefined;
  /** The total the first page counted, when this is a later page. */
  total?: number | undefined;
  ids?: string[];
};

export type PartnerListRecord = Record<PartnerListField, unknown> & {
  id: string;
  version: number;
  tier12RepNames: string[];
  nextActionNotes: string | null;
};

/**
 * The partner grid, read from one table: partner_stats holds each partner's own columns and its
 * maintained rollups (see stats.repository.ts, where the SQL twins of the domain's partnerRollup,
 * suggestPlanStatus, qualify and ippScore live; an integration test holds them to the pure rules);
 * only what moves with the week or the workspace's IPP bands is derived here. Filters and sorts use the column names of
 * PARTNER_LIST_FIELDS.
 */
export function baseQuery(p: Pick<PartnerListParams, 'today' | 'weekStart' | 'ippBands' | 'ids'>): SQL {
  const bands = p.ippBands;
  return sql`
    select s.partner_id as id, s.partner_version as version, s.name, s.name_key as "nameKey", s.type, s.archetype,
      s.program_status as "programStatus", s.phase, s.owner, s.industry,
      s.partner_created_at as "createdAt", s.partner_updated_at as "updatedAt",
      s.ipp_score as "ippScore",
      case when s.ipp_score is null then null
           when s.ipp_score >= ${bands.strategic} then 'Strategic'
           when s.ipp_score >= ${bands.good} then 'Good'
           when s.ipp_score >= ${bands.evaluate} then 'Evaluate'
           else 'Pass' end as "partnerStatus",
      s.tier1_reps as "tier1Reps", s.tier2_reps as "tier2Reps", s.tier3_reps as "tier3Reps", s.tier4_reps as "tier4Reps",
      s.total_reps as "totalReps", s.tier12_rep_names as "tier12RepNames", s.jordan_count as "jordanCount",
      s.reps_bringing_deals as "repsBringingDeals", s.reps_engaged as "repsEngaged",
      s.reps_bringing_deals + s.reps_engaged as "totalEngaged",
      s.reps_who_deliver as "repsWhoDeliver",
      s.next_action_date::text as "nextActionDate", s.next_action_type as "nextActionType",
      s.next_action_rep_name as "nextActionRep", s.next_action_notes as "nextActionNotes",
      s.intros_made + s.baseline_intros as "introsMade",
      s.qualified_conversations + s.baseline_qualified as "qualifiedConversations",
      s.deals_brought_in + s.baseline_deals as "dealsBroughtIn",
      s.open_deals as "openDeals",
      s.closed_won + s.baseline_won as "closedWon",
      s.pipeline_value_minor + s.baseline_pipeline as "pipelineValueMinor",
      s.first_touch_date::text as "firstTouchDate", s.last_touch_date::text as "lastEngagementDate",
      (${p.today}::date - s.last_touch_date) as "daysSinceLastTouch",
      coalesce(s.reviewed_at >= ${p.weekStart.toISOString()}::timestamptz, false) as "reviewedThisWeek",
      s.plan_status as "planStatus",
      s.qualification
    from partner_stats s
    ${p.ids ? sql`where s.partner_id in ${p.ids}` : sql``}`;
}

const column = (field: PartnerListField) => sql.raw(`r."${field}"`);

/** The expression a field sorts and compares by: text case-insensitively, by code point. */
function sortExpr(field: PartnerListField): SQL {
  // The name sorts by its stored lower-case key, which has an index.
  if (field === 'name') return sql`r."nameKey" collate "C"`;
  return PARTNER_LIST_FIELDS[field] === 'text' ? sql`lower(${column(field)}) collate "C"` : column(field);
}

function castFor(field: PartnerListField, value: unknown): SQL {
  switch (PARTNER_LIST_FIELDS[field]) {
    case 'number':
      return sql`${value}::numeric`;
    case 'date':
      return sql`${value}::date`;
    case 'instant':
      return sql`${value}::timestamptz`;
    case 'boolean':
      return sql`${value}::boolean`;
    case 'text':
      return sql`lower(${value}::text) collate "C"`;
  }
}

function resolveValue(value: unknown, today: IsoDate): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && 'today' in value) {
    return addDays(today, (value as { today: number }).today);
  }
  return value;
}

function conditionSql(c: FilterCondition, today: IsoDate): SQL {
  const col = column(c.field);
  const kind = PARTNER_LIST_FIELDS[c.field];
  const lhs = kind === 'text' ? sql`lower(${col}) collate "C"` : kind === 'date' ? sql`${col}::date` : col;
  const value = resolveValue(c.value, today);
  switch (c.op) {
    case 'empty':
      return sql`(${col} is null)`;
    case 'notEmpty':
      return sql`(${col} is not null)`;
    case 'eq':
      return sql`(${lhs} = ${castFor(c.field, value)})`;
    case 'neq':
      return sql`(${lhs} <> ${castFor(c.field, value)})`;
    case 'lt':
      return sql`(${lhs} < ${castFor(c.field, value)})`;
    case 'lte':
      return sql`(${lhs} <= ${castFor(c.field, value)})`;
    case 'gt':
      return sql`(${lhs} > ${castFor(c.field, value)})`;
    case 'gte':
      return sql`(${lhs} >= ${castFor(c.field, value)})`;
    case 'contains':
      return sql`(strpos(lower(${col}), lower(${String(value)}::text)) > 0)`;
    case 'in': {
      const values = (value as unknown[]).map((v) => castFor(c.field, v));
      if (values.length === 0) return sql`false`;
      return sql`(${lhs} in (${sql.join(values, sql`, `)}))`;
    }
  }
}

export function filterSql(filter: Filter, today: IsoDate): SQL {
  if ('and' in filter) {
    if (filter.and.length === 0) return sql`true`;
    return sql`(${sql.join(
      filter.and.map((f) => filterSql(f, today)),
      sql` and `,
    )})`;
  }
  if ('or' in filter) {
    if (filter.or.length === 0) return sql`false`;
    return sql`(${sql.join(
      filter.or.map((f) => filterSql(f, today)),
      sql` or `,
    )})`;
  }
  return conditionSql(filter, today);
}

/** Keyset condition "row comes after the cursor" for a sort with nulls last in both directions. */
function afterSql(sort: SortKey[], after: unknown[]): SQL {
  const sortKeys = sort.map((s) => ({ expr: sortExpr(s.field), field: s.field, dir: s.dir }));
  // The id breaks ties last (null stands for it).
  const keys = [...sortKeys, null];
  const branches: SQL[] = [];
  for (const [i, k] of keys.entries()) {
    const equalities = sortKeys
      .slice(0, i)
      .map((earlier, j) => sql`${earlier.expr} is not distinct from ${castFor(earlier.field, after[j])}`);
    let strict: SQL;
    if (k === null) {
      strict = sql`r.id > ${after[i]}::uuid`;
    } else {
      const v = after[i];
      if (v === null || v === undefined) {
        continue; // nothing sorts after a null key but rows tied on it (nulls last)
      }
      const cmp = k.dir === 'asc' ? sql`>` : sql`<`;
      strict = sql`(${k.expr} is null or ${k.expr} ${cmp} ${castFor(k.field, v)})`;
    }
    branches.push(sql`(${sql.join([...equalities, strict], sql` and `)})`);
  }
  return branches.length ? sql`(${sql.join(branches, sql` or `)})` : sql`false`;
}

function orderSql(sort: SortKey[]): SQL {
  const parts = sort.map((s) => sql`${sortExpr(s.field)} ${sql.raw(s.dir === 'asc' ? 'asc' : 'desc')} nulls last`);
  parts.push(sql`r.id asc`);
  return sql.join(parts, sql`, `);
}

function searchSql(q: string): SQL {
  return sql`(strpos(lower(concat_ws(' ', r.name, r.type, r.industry, r.owner, r."nextActionRep",
    array_to_string(array(select jsonb_array_elements_text(r."tier12RepNames")), ' '))), lower(${q}::text)) > 0)`;
}

export async function listPartnerRows(
  tx: Executor,
  p: PartnerListParams,
): Promise<{ rows: PartnerListRecord[]; total: number; hasMore: boolean }> {
  const where: SQL[] = [];
  if (p.filter) where.push(filterSql(p.filter, p.today));
  if (p.search) where.push(searchSql(p.search));
  const pageWhere = [...where];
  if (p.after) pageWhere.push(afterSql(p.sort, p.after));
  const whereSql = (parts: SQL[]) => (parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``);
  // The total: known from the first page (carried in the cursor); counted in the same pass when a
  // filter or search makes the page query read every row anyway; else one count of the table.
  const countInPage = p.total === undefined && where.length > 0 && !p.after;
  const page = await queryJsonRows<PartnerListRecord & { __total?: number }>(
    tx,
    sql`
    select r.*${countInPage ? sql`, count(*) over () as "__total"` : sql``}
    from (${baseQuery(p)}) r ${whereSql(pageWhere)}
    order by ${orderSql(p.sort)}
    limit ${p.limit + 1}`,
  );
  let total = p.total;
  if (countInPage) total = Number(page[0]?.__total ?? 0);
  if (total === undefined) {
    const [row] = await queryRows<{ n: number }>(
      tx,
      where.length
        ? sql`select count(*)::int as n from (${baseQuery(p)}) r ${whereSql(where)}`
        : sql`select count(*)::int as n from partner_stats`,
    );
    total = Number(row?.n ?? 0);
  }
  const rows = page.map(normaliseRow);
  return { rows: rows.slice(0, p.limit), total, hasMore: rows.length > p.limit };
}

/** Both drivers return bigint/numeric as strings in places: give the API numbers. */
function normaliseRow(row: PartnerListRecord): PartnerListRecord {
  const { nameKey: _sortKey, __total: _total, ...out } = row as Record<string, unknown>;
  for (const [field, kind] of Object.entries(PARTNER_LIST_FIELDS)) {
    const v = out[field];
    if (kind === 'number' && typeof v === 'string') out[field] = Number(v);
    if (kind === 'instant' && v instanceof Date) out[field] = v.toISOString();
    if (kind === 'instant' && typeof v === 'string') out[field] = new Date(v).toISOString();
  }
  return out as PartnerListRecord;
}

/** The values a row is sorted by, for the next page's cursor. */
export function sortValuesOf(row: PartnerListRecord, sort: SortKey[]): unknown[] {
  return [
    ...sort.map((s) => {
      const v = row[s.field];
      return PARTNER_LIST_FIELDS[s.field] === 'text' && typeof v === 'string' ? v : (v ?? null);
    }),
    row.id,
  ];
}
