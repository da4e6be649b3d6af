import { Group, Radio, Select, Textarea } from '@mantine/core';
import type { LogTouchRequest } from '@ptrack/contracts';
import { TOUCH_KIND_OPTIONS } from '../lib/labels';

export type TouchKind = LogTouchRequest['kind'];
export type TouchDirection = LogTouchRequest['direction'];

type TouchFieldsProps = {
  kind: TouchKind;
  direction: TouchDirection;
  summary: string;
  onKind(kind: TouchKind): void;
  onDirection(direction: TouchDirection): void;
  onSummary(summary: string): void;
  /** The server's message for `summary`, if it refused it. */
  summaryError?: string | undefined;
};

/** What every "Log touch" form asks: the kind, who reached out, and a note. */
export function TouchFields(props: TouchFieldsProps) {
  return (
    <>
      <Select
        label="Kind"
        data={TOUCH_KIND_OPTIONS}
        value={props.kind}
        onChange={(value) => props.onKind((value as TouchKind | null) ?? 'email')}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      <Radio.Group label="Direction" value={props.direction} onChange={(value) => props.onDirection(value as TouchDirection)}>
        <Group gap="lg" mt={4}>
          <Radio value="outbound" label="We reached out" />
          <Radio value="inbound" label="They replied or reached out" />
        </Group>
      </Radio.Group>
      <Textarea
        label="Note"
        placeholder="What happened"
        autosize
        minRows={2}
        maxRows={6}
        value={props.summary}
        onChange={(e) => props.onSummary(e.currentTarget.value)}
        error={props.summaryError}
      />
    </>
  );
}
