import { Table, Text, Title } from '@mantine/core';
import type { ImportPreviewDto } from '@ptrack/contracts';
import classes from './import.module.css';

/** Every problem of every refused row: where it is in the sheet, what it holds and why it is refused. */
export function PreviewErrors({ rows }: { rows: ImportPreviewDto['rows'] }) {
  const problems = rows.flatMap((r) => r.problems);
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby="preview-errors-heading">
      <Title order={3} size="h5" id="preview-errors-heading" mb={4}>
        Errors to fix in the sheet
      </Title>
      <Text size="sm" c="gray.7" mb="xs">
        Rows with an error are skipped; the others are imported. Fix the cells and upload the sheet again to bring them in.
      </Text>
      <div className={classes.scroll}>
        <Table miw={560} verticalSpacing={4} data-testid="preview-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Row</Table.Th>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col">Value</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; the list is fixed
              <Table.Tr key={i} data-testid="preview-error">
                <Table.Td>{p.rowNumber}</Table.Td>
                <Table.Td>{p.column}</Table.Td>
                <Table.Td>{p.value || <Text c="gray.7">(empty)</Text>}</Table.Td>
                <Table.Td>{p.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}
