/**
 * What one spreadsheet row asks for: its key, the converted value of each mapped cell, and what stands in the
 * way (problems) or looks suspicious (warnings), each pointing at its column. diffRow then keeps only what
 * differs from the profile as Campaign has it, by the same rule the single-profile form uses.
 */
import type { BulkMapping, FieldChange, RowIdentity, RowProblem, RowWarning } from '../model/bulk';
import { isChanged } from '../model/changes';
import type { FieldDef, FieldValue } from '../model/profile';
import { unneutralise } from '../spreadsheets/formula-guard';
import type { Cell } from '../spreadsheets/table';
import { cellToText, makeCellConverter } from './convert-cell';

export interface PlannedValue {
  path: string;
  column: number;
  value: FieldValue;
}

export interface RowPlan {
  /** The identity cell as trimmed text; '' when empty (the caller reports missingKey). */
  key: string;
  problems: RowProblem[];
  warnings: RowWarning[];
  /** Only cells that set a value: an empty cell leaves its field as it is (unless it clears it). */
  values: PlannedValue[];
}

export type RowPlanner = (cells: readonly Cell[]) => RowPlan;

/** The identity cell of a row as text (the profile key or email it names; '' when empty). */
export function makeKeyReader(identity: RowIdentity): (cells: readonly Cell[]) => string {
  return (cells) => cellToText(unneutralise(cells[identity.column] ?? null)).trim();
}

/**
 * Converters are built once per mapped column. The mapping must fit the fields (see mappingFits): a field
 * that is unknown, locked or written by two columns is a bug in the caller and throws here.
 */
export function makeRowPlanner(mapping: BulkMapping, fields: readonly FieldDef[]): RowPlanner {
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const mapped = new Set<string>();
  const columns = mapping.columns.flatMap(({ column, field, clearWhenEmpty }) => {
    if (field === null) return [];
    const def = byPath.get(field);
    if (!def) throw new Error(`Column ${column} maps to ${field}, which the profile does not have`);
    if (mapped.has(field)) throw new Error(`${field} is mapped from more than one column`);
    mapped.add(field);
    return [{ column, path: field, convert: makeCellConverter(def, { clearWhenEmpty }) }];
  });
  const keyOf = makeKeyReader(mapping.identity);

  return (cells) => {
    const plan: RowPlan = { key: keyOf(cells), problems: [], warnings: [], values: [] };
    for (const { column, path, convert } of columns) {
      const cell = unneutralise(cells[column] ?? null);
      const result = convert(cell);
      if (result.kind === 'leave') continue;
      if (result.kind === 'problem') {
        plan.problems.push({ cause: result.cause, field: path, column, value: cellToText(cell).trim(), detail: result.detail });
        continue;
      }
      plan.values.push({ path, column, value: result.value });
      for (const kind of result.warnings) plan.warnings.push({ kind, field: path, column, value: cellToText(cell).trim() });
    }
    return plan;
  };
}

/** The fields whose value really differs from current (the profile as Campaign has it now), old → new. */
export function diffRow(values: readonly PlannedValue[], current: Readonly<Record<string, FieldValue>>, fields: readonly FieldDef[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { path, value } of values) {
    const def = fields.find((f) => f.path === path);
    // A path the profile does not define is never sent (as in changedValues).
    if (!def) continue;
    const old = current[path] ?? null;
    if (isChanged(def, old, value)) changes.push({ path, old, new: value });
  }
  return changes;
}
