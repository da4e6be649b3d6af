import { Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { minorDigits } from '../../../lib/money';
import { labelOf } from '../format-cell';
import { type ColumnKind, columnOf, GRID_COLUMNS } from '../grid-columns';
import {
  type ConditionValue,
  choicesFor,
  type FilterOp,
  filterFieldChoices,
  type GridCondition,
  isValidCondition,
  needsValue,
  opLabel,
  opsFor,
} from '../grid-filter';

type Props = {
  /** The condition being changed, or undefined for a new one. */
  initial: GridCondition | undefined;
  currency: string;
  optionLists: Record<string, string[]> | undefined;
  onApply(condition: GridCondition): void;
  onCancel(): void;
};

const FIELD_CHOICES = filterFieldChoices(GRID_COLUMNS);

type DateMode = 'day' | 'ago' | 'ahead';

/** The value as the editor holds it: text, a number, a list, yes/no, or a date by day or by days from today. */
type Draft = { text: string; number: string | number; list: string[]; yes: boolean; dateMode: DateMode; days: string | number };

function draftOf(kind: ColumnKind, value: ConditionValue | undefined, currency: string): Draft {
  const draft: Draft = { text: '', number: '', list: [], yes: true, dateMode: 'day', days: 30 };
  if (value === undefined) return draft;
  if (Array.isArray(value)) return { ...draft, list: value };
  if (typeof value === 'boolean') return { ...draft, yes: value };
  if (typeof value === 'object') return { ...draft, dateMode: value.today < 0 ? 'ago' : 'ahead', days: Math.abs(value.today) };
  if (typeof value === 'number') return { ...draft, number: kind === 'money' ? value / 10 ** minorDigits(currency) : value };
  return { ...draft, text: value };
}

function conditionValue(kind: ColumnKind, op: FilterOp, draft: Draft, currency: string): ConditionValue | undefined {
  if (!needsValue(op)) return undefined;
  if (op === 'in') return draft.list;
  switch (kind) {
    case 'boolean':
      return draft.yes;
    case 'number':
      return draft.number === '' ? Number.NaN : Number(draft.number);
    case 'money':
      return draft.number === '' ? Number.NaN : Math.round(Number(draft.number) * 10 ** minorDigits(currency));
    case 'date':
      if (draft.dateMode === 'day') return draft.text;
      if (draft.days === '') return { today: Number.NaN }; // refused by isValidCondition: no silent "today"
      return { today: (draft.dateMode === 'ago' ? -1 : 1) * Math.trunc(Number(draft.days)) };
    default:
      return draft.text.trim();
  }
}

/** Builds or changes one condition: a column, an operator of its kind, and a value typed or picked. */
export function FilterEditor({ initial, currency, optionLists, onApply, onCancel }: Props) {
  const [field, setField] = useState(initial?.field ?? 'type');
  const kind = columnOf(field)?.kind ?? 'text';
  const ops = opsFor(kind);
  const [op, setOp] = useState<FilterOp>(initial?.op ?? ops[0] ?? 'eq');
  const [draft, setDraft] = useState<Draft>(() => draftOf(kind, initial?.value, currency));
  const [invalid, setInvalid] = useState(false);
  const patch = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setInvalid(false);
  };
  const choices = choicesFor(field, optionLists);
  const choiceData = choices?.map((v) => ({ value: v, label: kind === 'label' ? labelOf(v) : v }));

  const changeField = (next: string | null) => {
    if (!next) return;
    const nextKind = columnOf(next)?.kind ?? 'text';
    setField(next);
    if (!opsFor(nextKind).includes(op)) setOp(opsFor(nextKind)[0] ?? 'eq');
    setDraft(draftOf(nextKind, undefined, currency));
    setInvalid(false);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const condition: GridCondition = { field, op };
    const value = conditionValue(kind, op, draft, currency);
    if (value !== undefined) condition.value = value;
    if (!isValidCondition(condition)) {
      setInvalid(true);
      return;
    }
    onApply(condition);
  };

  const error = invalid ? 'Give a value' : undefined;
  return (
    <form onSubmit={onSubmit} noValidate data-testid="filter-editor">
      <Stack gap="sm" w={280}>
        <Select
          label="Column"
          data={FIELD_CHOICES}
          value={field}
          onChange={changeField}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
          data-autofocus
        />
        <Select
          label="Condition"
          data={ops.map((o) => ({ value: o, label: opLabel(kind, o) }))}
          value={op}
          onChange={(o) => {
            if (o) setOp(o as FilterOp);
            setInvalid(false);
          }}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
        />
        {needsValue(op) ? (
          <ValueInput kind={kind} op={op} draft={draft} patch={patch} choiceData={choiceData} currency={currency} error={error} />
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">{initial ? 'Update filter' : 'Add filter'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

type ValueInputProps = {
  kind: string;
  op: FilterOp;
  draft: Draft;
  patch(change: Partial<Draft>): void;
  /** The column's choices (an option list or labelled values), if it has any. */
  choiceData: { value: string; label: string }[] | undefined;
  currency: string;
  error: string | undefined;
};

/** The condition's value, as the column's kind and the operator ask for it. */
function ValueInput({ kind, op, draft, patch, choiceData, currency, error }: ValueInputProps): ReactNode {
  if (op === 'in') {
    return choiceData ? (
      <MultiSelect
        label="Values"
        data={choiceData}
        value={draft.list}
        onChange={(list) => patch({ list })}
        searchable
        error={error}
        comboboxProps={{ withinPortal: false }}
      />
    ) : (
      <TagsInput
        label="Values"
        description="Enter after each"
        value={draft.list}
        onChange={(list) => patch({ list })}
        error={error}
        comboboxProps={{ withinPortal: false }}
      />
    );
  }
  if (kind === 'boolean') {
    return (
      <SegmentedControl
        aria-label="Value"
        value={draft.yes ? 'yes' : 'no'}
        onChange={(v) => patch({ yes: v === 'yes' })}
        data={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
      />
    );
  }
  if (kind === 'number' || kind === 'money') {
    return (
      <NumberInput
        label={kind === 'money' ? `Amount (${currency})` : 'Value'}
        value={draft.number}
        onChange={(number) => patch({ number })}
        decimalScale={kind === 'money' ? minorDigits(currency) : undefined}
        thousandSeparator=","
        error={error}
      />
    );
  }
  if (kind === 'date') {
    return (
      <Stack gap={6}>
        <SegmentedControl
          aria-label="Date given as"
          size="xs"
          value={draft.dateMode}
          onChange={(v) => patch({ dateMode: v as DateMode })}
          data={[
            { value: 'day', label: 'A date' },
            { value: 'ago', label: 'Days ago' },
            { value: 'ahead', label: 'Days from now' },
          ]}
        />
        {draft.dateMode === 'day' ? (
          <TextInput
            type="date"
            label="Date"
            value={draft.text}
            onChange={(e) => patch({ text: e.currentTarget.value })}
            error={error}
          />
        ) : (
          <NumberInput
            label={draft.dateMode === 'ago' ? 'Days ago' : 'Days from now'}
            description="Counted from today in the workspace's time zone"
            min={0}
            max={3650}
            allowDecimal={false}
            value={draft.days}
            onChange={(days) => patch({ days })}
            error={error}
          />
        )}
      </Stack>
    );
  }
  if (choiceData && op !== 'contains') {
    return (
      <Select
        label="Value"
        data={choiceData}
        value={draft.text || null}
        onChange={(text) => patch({ text: text ?? '' })}
        searchable
        error={error}
        comboboxProps={{ withinPortal: false }}
      />
    );
  }
  return <TextInput label="Value" value={draft.text} onChange={(e) => patch({ text: e.currentTarget.value })} error={error} />;
}
