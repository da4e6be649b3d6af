import { ApiError, type FieldProblem } from './client';

// Settings paths nest (`cadences.1`, `optionLists.phase.2`): match them exactly, not by suffix as
// fieldError does, so "1" of the cadences never picks up value 1 of an option list.

export function problemAt(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldProblems.find((p) => p.field === field)?.message : undefined;
}

export function problemsUnder(error: unknown, prefix: string): FieldProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.fieldProblems.filter((p) => p.field === prefix || p.field.startsWith(`${prefix}.`));
}
