import { Alert, Anchor, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import type { SheetImportDto } from '@ptrack/contracts';
import { ApiError } from '../../../api/client';
import { useSaveMapping } from '../hooks/use-import';
import {
  type DateOrder,
  duplicateTargets,
  mappingDownloadHref,
  mappingFileName,
  mappingSummary,
  mapsName,
  type SavedMapping,
  withDateOrder,
  withTarget,
} from '../import-mapping';
import type { ColumnTarget } from '../import-targets';
import { ColumnRow } from './column-row';
import classes from './import.module.css';

type Props = {
  sheet: SheetImportDto;
  draft: SavedMapping;
  dirty: boolean;
  proposed: readonly ColumnTarget[];
  onDraft(mapping: SavedMapping): void;
  onSaved(sheet: SheetImportDto): void;
  onBack(): void;
  onNext(): void;
};

/** Step 2: every column, what it maps to (editable), the date order; saved to the import before previewing. */
export function ColumnsStep({ sheet, draft, dirty, proposed, onDraft, onSaved, onBack, onNext }: Props) {
  const save = useSaveMapping();
  const duplicates = duplicateTargets(draft);
  const invalid = duplicates.size > 0 || !mapsName(draft);
  const saveThen = (then?: () => void) =>
    save.mutate(
      { id: sheet.id, version: sheet.version, mapping: draft },
      {
        onSuccess: (saved) => {
          onSaved(saved);
          then?.();
        },
      },
    );
  const saveError =
    save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT'
      ? 'This import changed since it was opened (in another tab?). Upload the file again to start afresh.'
      : save.error?.message;

  return (
    <Stack gap="md">
      <Text>
        {sheet.columns.length} columns in <strong>{sheet.fileName}</strong>. Check what each one becomes: columns that are not
        partner fields can be kept as custom fields, or left out.
      </Text>
      <Text size="sm" fw={500} aria-live="polite" data-testid="mapping-summary">
        {mappingSummary(draft)}
      </Text>

      <Radio.Group
        label="Dates like 04/02/2025 are"
        description="Used for every date column whose values are ambiguous; dates such as 2025-02-04 or Feb 4, 2025 read the same either way."
        value={draft.dateOrder ?? 'auto'}
        onChange={(v) => onDraft(withDateOrder(draft, v === 'auto' ? undefined : (v as DateOrder)))}
      >
        <Group mt={6} gap="lg">
          <Radio value="auto" label="Guess from the sheet" />
          <Radio value="MDY" label="Month/day (US: April 2)" />
          <Radio value="DMY" label="Day/month (4 February)" />
        </Group>
      </Radio.Group>

      {!mapsName(draft) ? (
        <Alert color="orange" role="alert" title="No column gives the partner name">
          Map one column to “Partner name”: it is how each row finds its partner.
        </Alert>
      ) : null}

      <div className={classes.scroll}>
        <Table miw={640} verticalSpacing="xs" data-testid="import-columns" aria-label="Columns of the sheet and what they become">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col">First values</Table.Th>
              <Table.Th scope="col">Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheet.columns.map((column, i) => (
              <ColumnRow
                key={column.index}
                index={column.index}
                header={column.header}
                samples={column.samples}
                matchedBy={column.matchedBy}
                proposed={proposed[i] ?? (column.target as ColumnTarget)}
                target={draft.columns[i]?.target ?? { kind: 'ignore' }}
                entity={sheet.entity}
                error={duplicates.get(i)}
                disabled={save.isPending}
                onChange={(target) => onDraft(withTarget(draft, i, target))}
              />
            ))}
          </Table.Tbody>
        </Table>
      </div>

      {saveError ? (
        <Alert color="red" role="alert" title="The mapping could not be saved">
          {saveError}
        </Alert>
      ) : null}

      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Button variant="default" onClick={onBack}>
            Back
          </Button>
          <Anchor href={mappingDownloadHref(draft)} download={mappingFileName(sheet.fileName)} size="sm">
            Download mapping (JSON)
          </Anchor>
        </Group>
        <Group gap="sm">
          <Button variant="default" onClick={() => saveThen()} disabled={!dirty || invalid} loading={save.isPending}>
            {dirty ? 'Save' : 'Saved'}
          </Button>
          <Button onClick={() => (dirty ? saveThen(onNext) : onNext())} disabled={invalid} loading={save.isPending}>
            Next: preview
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="gray.7">
        The mapping file reads the same sheet again from the command line: <code>ptrack import --mapping</code>.
      </Text>
    </Stack>
  );
}
