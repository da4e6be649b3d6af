import { Progress, Stack, Text } from '@mantine/core';

/** "7 of 42 reviewed this week" and a bar; the counts are the server's (its week, its time zone). */
export function ReviewProgress({ reviewed, total }: { reviewed: number; total: number }) {
  const left = total - reviewed;
  return (
    <Stack gap={6}>
      <Text size="lg" fw={500} aria-live="polite" data-testid="review-progress">
        {reviewed} of {total} reviewed this week · {left} left
      </Text>
      <Progress
        value={total === 0 ? 0 : (reviewed / total) * 100}
        size="lg"
        color="teal.8"
        aria-label={`${reviewed} of ${total} partners reviewed this week`}
      />
    </Stack>
  );
}
