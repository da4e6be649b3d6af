import { Alert, Button, Checkbox, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { plural } from '@ptrack/catalog';
import type { ImportPreviewDto, SheetImportDto } from '@ptrack/contracts';
import { useMemo, useState } from 'react';
import { useImportPreview } from '../hooks/use-import';
import { optionListLabel } from '../import-format';
import { PreviewCounts } from './preview-counts';
import { PreviewErrors } from './preview-errors';
import { PreviewRows } from './preview-rows';

type Props = { sheet: SheetImportDto; onBack(): void; onImport(force: boolean): void };
type Filter = 'all' | ImportPreviewDto['rows'][number]['action'];

const PAGE = 100;

/** Custom field key → the label its column gives it, to name custom values in the preview. */
export function customLabelsOf(sheet: SheetImportDto): Map<string, string> {
  const labels = new Map<string, string>();
  for (const c of sheet.columns) {
    const t = c.target as { kind: string; key?: string; label?: string };
    if (t.kind === 'custom' && t.key) labels.set(t.key, t.label ?? t.key);
  }
  return labels;
}

/** Step 3: what the import would do (nothing is written yet). */
export function PreviewStep({ sheet, onBack, onImport }: Props) {
  const preview = useImportPreview(sheet.id, sheet.version);
  const customLabels = useMemo(() => customLabelsOf(sheet), [sheet]);
  const [force, setForce] = useState(false);

  if (preview.isPending)
    return (
      <Group gap="sm" p="lg">
        <Loader size="sm" aria-label="Checking every row" />
        <Text>Checking every row against your partners…</Text>
      </Group>
    );
  if (preview.error)
    return (
      <Stack>
        <Alert color="red" role="alert" title="The preview could not be made">
          {preview.error.message}
        </Alert>
        <Group>
          <Button variant="default" onClick={onBack}>
            Back to the columns
          </Button>
          <Button onClick={() => void preview.refetch()}>Try again</Button>
        </Group>
      </Stack>
    );

  const { counts, rows, truncated, newOptions, mostlyErrors } = preview.data;
  const importable = counts.create + counts.update;
  const added = Object.entries(newOptions).filter(([, values]) => values.length > 0);

  return (
    <Stack gap="md">
      <Text>
        {plural(counts.rows, 'row')} read from <strong>{sheet.fileName}</strong>. Nothing is saved until you import.
      </Text>
      <PreviewCounts counts={counts} entity={sheet.entity} />

      {added.length ? (
        <Alert color="blue" title="New values for your lists" data-testid="new-options">
          <Stack gap={2}>
            {added.map(([list, values]) => (
              <Text size="sm" key={list}>
                <strong>{optionListLabel(list, customLabels)}:</strong> {values.join(', ')}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}

      {mostlyErrors ? (
        <Alert color="orange" role="alert" title="Most rows would be refused" data-testid="mostly-errors">
          <Stack gap="xs">
            <Text size="sm">
              {counts.error.toLocaleString()} of {counts.rows.toLocaleString()} rows have errors. Is this the right sheet, and a{' '}
              {sheet.entity === 'rep' ? 'rep' : 'partner'} sheet? Check the columns before importing.
            </Text>
            <Checkbox label="Import the other rows anyway" checked={force} onChange={(e) => setForce(e.currentTarget.checked)} />
          </Stack>
        </Alert>
      ) : null}

      <PreviewErrors rows={rows} />

      <RowByRow rows={rows} counts={counts} truncated={truncated} customLabels={customLabels} />

      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          Back to the columns
        </Button>
        <Button onClick={() => onImport(force)} disabled={importable === 0 || (mostlyErrors && !force)}>
          {importable === 0
            ? 'Nothing to import'
            : `Import ${importable.toLocaleString()} ${sheet.entity === 'rep' ? (importable === 1 ? 'rep' : 'reps') : importable === 1 ? 'partner' : 'partners'}`}
        </Button>
      </Group>
    </Stack>
  );
}

type Preview = NonNullable<ReturnType<typeof useImportPreview>['data']>;

/** The rows that change, filtered by what happens to them, a page at a time. */
function RowByRow({
  rows,
  counts,
  truncated,
  customLabels,
}: Pick<Preview, 'rows' | 'counts' | 'truncated'> & { customLabels: Map<string, string> }) {
  const [filter, setFilter] = useState<Filter>('all');
  // A page of rows at a time: a thousand rows of changes at once would freeze the page for seconds.
  const [limit, setLimit] = useState(PAGE);
  const shown = filter === 'all' ? rows : rows.filter((r) => r.action === filter);
  return rows.length ? (
    <section aria-labelledby="preview-rows-heading">
      <Group justify="space-between" align="end" mb="xs" wrap="wrap">
        <Title order={3} size="h5" id="preview-rows-heading">
          Row by row
        </Title>
        <SegmentedControl
          aria-label="Show rows"
          size="xs"
          value={filter}
          onChange={(v) => {
            setFilter(v as Filter);
            setLimit(PAGE);
          }}
          data={[
            { value: 'all', label: `All (${rows.length})` },
            { value: 'create', label: `New (${counts.create})` },
            { value: 'update', label: `Updates (${counts.update})` },
            { value: 'error', label: `Errors (${counts.error})` },
          ]}
        />
      </Group>
      {truncated ? (
        <Text size="sm" c="gray.7" mb="xs">
          The first {rows.length.toLocaleString()} rows that change are listed; the counts above cover the whole sheet.
        </Text>
      ) : null}
      {shown.length ? (
        <>
          <PreviewRows rows={shown.slice(0, limit)} customLabels={customLabels} />
          {shown.length > limit ? (
            <Group gap="sm" mt="xs">
              <Text size="sm" c="gray.7">
                {limit.toLocaleString()} of {shown.length.toLocaleString()} rows shown.
              </Text>
              <Button variant="default" size="xs" onClick={() => setLimit((n) => n + PAGE)}>
                Show {Math.min(PAGE, shown.length - limit)} more
              </Button>
            </Group>
          ) : null}
        </>
      ) : (
        <Text size="sm" c="gray.7">
          No rows of this kind.
        </Text>
      )}
    </section>
  ) : (
    <Alert color="gray" title="Nothing to import">
      Every row matches your partners as they are.
    </Alert>
  );
}
