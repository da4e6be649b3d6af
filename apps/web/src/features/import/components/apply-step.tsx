import { Alert, Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { plural } from '@ptrack/catalog';
import type { SheetImportDto } from '@ptrack/contracts';
import { Link } from '@tanstack/react-router';
import { useImportProgress } from '../hooks/use-import';
import { PreviewCounts } from './preview-counts';

type Props = {
  sheet: SheetImportDto;
  applying: boolean;
  applied: SheetImportDto | undefined;
  error: Error | null;
  onRetry(): void;
  onAnother(): void;
};

const countsOf = (summary: Record<string, number>) => ({
  rows: summary.rows ?? 0,
  create: summary.create ?? 0,
  update: summary.update ?? 0,
  unchanged: summary.unchanged ?? 0,
  error: summary.error ?? 0,
});

/** Step 4: the import running (its progress polled batch by batch), then what it did. */
export function ApplyStep({ sheet, applying, applied, error, onRetry, onAnother }: Props) {
  const progress = useImportProgress(sheet.id, applying);
  const done = progress.data?.appliedRows ?? 0;
  const total = Math.max(sheet.totalRows, 1);
  const percent = Math.min(100, Math.round((done / total) * 100));

  if (applied) {
    const counts = countsOf(applied.summary);
    return (
      <Stack gap="md" data-testid="import-result">
        <Title order={2} size="h3">
          Import finished
        </Title>
        <Text>
          {sheet.fileName}: {(counts.create + counts.update).toLocaleString()} {sheet.entity === 'rep' ? 'reps' : 'partners'}{' '}
          imported
          {counts.error ? `, ${plural(counts.error, 'row')} skipped for errors` : ''}.
        </Text>
        <PreviewCounts counts={counts} entity={sheet.entity} />
        <Group gap="sm">
          <Button renderRoot={(props) => <Link {...props} to="/partners" search={{}} />}>Open the partners grid</Button>
          <Button variant="default" onClick={onAnother}>
            Import another sheet
          </Button>
        </Group>
        <Text size="sm" c="gray.7">
          Importing the same sheet again updates these partners rather than adding them twice.
        </Text>
      </Stack>
    );
  }
  if (error && !applying)
    return (
      <Stack gap="md">
        <Alert color="red" role="alert" title="The import stopped">
          {error.message} Rows already imported are kept; trying again carries on where it stopped.
        </Alert>
        <Group>
          <Button onClick={onRetry}>Try again</Button>
        </Group>
      </Stack>
    );
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Importing…
      </Title>
      <Progress value={percent} size="lg" aria-label="Import progress" animated striped />
      <Text size="sm" c="gray.7" aria-live="polite">
        {done.toLocaleString()} of {sheet.totalRows.toLocaleString()} rows done. You can leave this page: the import carries on.
      </Text>
    </Stack>
  );
}
