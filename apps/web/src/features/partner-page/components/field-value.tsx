import { Anchor, Text } from '@mantine/core';
import { formatShortDate } from '../../../lib/dates';
import type { FieldSpec } from '../field-specs';

function Empty() {
  return (
    <Text span c="gray.7" size="sm">
      —
    </Text>
  );
}

/** A stored value as read on the page: links for URLs and emails, dates in the reader's locale. */
export function FieldValue({ spec, value }: { spec: FieldSpec; value: unknown }) {
  if (spec.kind.type === 'checkbox') return <Text size="sm">{value === true ? 'Yes' : 'No'}</Text>;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <Empty />;
  if (spec.kind.type === 'yesno') return <Text size="sm">{value === 'yes' ? 'Yes' : 'No'}</Text>;
  if (Array.isArray(value)) return <Text size="sm">{value.map((a) => (a as { name: string }).name).join(', ')}</Text>;
  const text = String(value);
  switch (spec.kind.type) {
    case 'url':
      return /^https?:\/\//.test(text) ? (
        <Anchor href={text} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
          {text.replace(/^https?:\/\//, '')}
        </Anchor>
      ) : (
        <Text size="sm">{text}</Text>
      );
    case 'email':
      return (
        <Anchor href={`mailto:${text}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {text}
        </Anchor>
      );
    case 'date':
      return <Text size="sm">{/^\d{4}-\d{2}-\d{2}$/.test(text) ? formatShortDate(text) : text}</Text>;
    case 'score':
      return (
        <Text size="sm">
          {text}
          <Text span c="gray.7" size="xs">
            {' '}
            / {spec.kind.max}
          </Text>
        </Text>
      );
    default:
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text}
        </Text>
      );
  }
}
