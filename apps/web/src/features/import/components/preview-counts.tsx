import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ImportPreviewDto } from '@ptrack/contracts';
import classes from './import.module.css';

const TILES = [
  { key: 'create', label: 'New', color: 'teal.8' },
  { key: 'update', label: 'Updated', color: 'blue.8' },
  { key: 'unchanged', label: 'Unchanged', color: 'gray.8' },
  { key: 'error', label: 'Rows with errors (skipped)', color: 'red.8' },
] as const;

/** The preview's counts as big numbers. */
export function PreviewCounts({ counts, entity }: { counts: ImportPreviewDto['counts']; entity: 'partner' | 'rep' }) {
  const things = entity === 'rep' ? 'reps' : 'partners';
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="preview-counts">
      {TILES.map((tile) => (
        <Paper key={tile.key} withBorder radius="md" p="sm" data-testid={`count-${tile.key}`}>
          <Text className={classes.count} c={counts[tile.key] ? tile.color : 'gray.7'}>
            {counts[tile.key].toLocaleString()}
          </Text>
          <Text size="sm" c="gray.7">
            {tile.key === 'create' || tile.key === 'update' ? `${tile.label} ${things}` : tile.label}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
