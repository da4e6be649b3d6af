import { Box, SimpleGrid, Text } from '@mantine/core';
import { fieldValueOf } from '../field-form';
import type { FieldSpec } from '../field-specs';
import { FieldValue } from './field-value';

type Row = Record<string, unknown> & { custom?: Record<string, unknown> };

/** A section's fields as label / value pairs (a description list), two columns where there is room. */
export function FieldList({ specs, record, cols = 2 }: { specs: FieldSpec[]; record: Row; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: cols }} spacing="md" verticalSpacing="xs" m={0}>
      {specs.map((spec) => (
        <div key={spec.key} data-testid={`field-${spec.key}`}>
          <Text component="dt" size="xs" c="gray.7" fw={500}>
            {spec.label}
          </Text>
          <Box component="dd" m={0}>
            <FieldValue spec={spec} value={fieldValueOf(record, spec.key)} />
          </Box>
        </div>
      ))}
    </SimpleGrid>
  );
}
