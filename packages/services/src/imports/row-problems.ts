import { customValueProblem } from '../field-checks';
import type { RowProblem } from './import-types';
import { type CustomDef, present } from './row-values';

/** What a sheet row's checks need: where the row is and how its columns and custom fields are named. */
export type RowCheck = {
  rowNumber: number;
  /** The sheet's header for a field, for messages. */
  columnOf(field: string): string;
  customDefs: ReadonlyMap<string, CustomDef>;
};

/** The schema's issues with a row's fields, each naming the sheet column and the value it held. */
export function schemaProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  given: Record<string, unknown>,
  row: RowCheck,
): RowProblem[] {
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return { rowNumber: row.rowNumber, column: row.columnOf(field), value: String(given[field] ?? ''), reason: issue.message };
  });
}

/** Custom values the workspace's definitions refuse; a blank custom cell changes nothing, so it is no problem. */
export function customProblems(entity: 'partner' | 'rep', custom: unknown, row: RowCheck): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const [key, value] of Object.entries((custom as Record<string, unknown> | undefined) ?? {})) {
    if (!present(value)) continue;
    const def = row.customDefs.get(key);
    const problem = def ? customValueProblem(def.type, def.options, value) : `no ${entity} custom field "${key}"`;
    if (problem)
      problems.push({ rowNumber: row.rowNumber, column: row.columnOf(`custom.${key}`), value: String(value), reason: problem });
  }
  return problems;
}
