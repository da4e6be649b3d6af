import { Card, Text, Title, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import type { Slice } from '../dashboard-figures';

type ChartCardProps = {
  title: string;
  description?: ReactNode;
  testId: string;
  children: ReactNode;
};

/** One dashboard panel: a section named by its heading, so screen readers can jump between them. */
export function ChartCard({ title, description, testId, children }: ChartCardProps) {
  const headingId = useId();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Title order={2} size="h4" id={headingId}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="gray.7" mt={2}>
          {description}
        </Text>
      ) : null}
      <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>{children}</div>
    </Card>
  );
}

/**
 * The text alternative of a chart: the same figures as a table, read by screen readers and hidden on
 * screen (the SVG itself is marked as an image with a one-line summary).
 */
export function ChartTable({ caption, slices, valueHeader }: { caption: string; slices: readonly Slice[]; valueHeader: string }) {
  return (
    <VisuallyHidden>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {slices.map((s) => (
            <tr key={s.key} data-testid={`row-${s.key}`}>
              <th scope="row">{s.label}</th>
              <td data-testid="value">{s.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}

/** A panel's own empty state: says what will appear, instead of empty axes. */
export function EmptyChart({ children }: { children: ReactNode }) {
  return (
    <Text c="gray.7" size="sm" py="lg" ta="center" data-testid="empty-chart">
      {children}
    </Text>
  );
}
