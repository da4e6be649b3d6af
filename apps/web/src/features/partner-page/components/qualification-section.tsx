import { Badge, Group, List, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { QUALIFICATION_VERDICT_LABELS } from '@ptrack/catalog';
import type { PartnerDto } from '@ptrack/contracts';
import { QUALIFICATION } from '../field-specs';
import { EditableSection } from './editable-section';

type Qualification = PartnerDto['qualification'];
type Result = Qualification['questions']['icpMatch'];

const VERDICT = {
  pursue: { label: QUALIFICATION_VERDICT_LABELS.pursue, color: 'teal.9' },
  'polite-pass': { label: QUALIFICATION_VERDICT_LABELS['polite-pass'], color: 'red.9' },
  incomplete: { label: QUALIFICATION_VERDICT_LABELS.incomplete, color: 'gray.7' },
} as const satisfies Record<Qualification['verdict'], { label: string; color: string }>;

const RESULT = {
  pass: { mark: '✓', label: 'passes', color: 'teal.9' },
  fail: { mark: '✗', label: 'fails', color: 'red.9' },
  unanswered: { mark: '?', label: 'unanswered', color: 'gray.6' },
} as const satisfies Record<Result, { mark: string; label: string; color: string }>;

export function VerdictBadge({ verdict }: { verdict: Qualification['verdict'] }) {
  const v = VERDICT[verdict];
  return (
    <Badge color={v.color} variant="filled" tt="none" data-testid="qualification-verdict" data-verdict={verdict}>
      {v.label}
    </Badge>
  );
}

function answerOf(partner: PartnerDto, key: keyof Qualification['questions']): string {
  switch (key) {
    case 'icpMatch':
    case 'economicsOk':
      return partner[key] === null ? 'Not answered' : partner[key] === 'yes' ? 'Yes' : 'No';
    case 'namedAccounts':
      return partner.namedAccounts.length === 0 ? 'None named' : partner.namedAccounts.map((a) => a.name).join(', ');
    case 'introMechanism':
      return partner.introMechanism ?? 'Not described';
    default: {
      const never: never = key;
      return never;
    }
  }
}

const QUESTIONS: { key: keyof Qualification['questions']; question: string }[] = [
  { key: 'icpMatch', question: 'Do their customers match our ICP?' },
  { key: 'namedAccounts', question: 'Will they name accounts to introduce us to (3 or more)?' },
  { key: 'introMechanism', question: 'How will intros happen?' },
  { key: 'economicsOk', question: 'Do the economics work for both sides?' },
];

function Checklist({ partner }: { partner: PartnerDto }) {
  const q = partner.qualification;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          Verdict
        </Text>
        <VerdictBadge verdict={q.verdict} />
      </Group>
      <List spacing="xs" listStyleType="none" data-testid="qualification-checklist">
        {QUESTIONS.map(({ key, question }) => {
          const result = RESULT[q.questions[key]];
          return (
            <List.Item
              key={key}
              data-testid={`question-${key}`}
              data-result={q.questions[key]}
              icon={
                <ThemeIcon size="sm" radius="xl" color={result.color} aria-hidden="true">
                  {result.mark}
                </ThemeIcon>
              }
            >
              <Text size="sm" fw={500}>
                {question} <VisuallyHidden>({result.label})</VisuallyHidden>
              </Text>
              <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                {answerOf(partner, key)}
              </Text>
            </List.Item>
          );
        })}
      </List>
      {q.reasons.length > 0 ? (
        <div>
          <Text size="sm" fw={500}>
            Why
          </Text>
          <List size="sm" data-testid="qualification-reasons">
            {q.reasons.map((r) => (
              <List.Item key={r.code} data-code={r.code}>
                {r.text}
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </Stack>
  );
}

type QualificationSectionProps = {
  partner: PartnerDto;
  save(body: Record<string, unknown>): Promise<PartnerDto>;
  onKeepTheirs(current: PartnerDto): void;
};

/** The 4-question filter (docs/RULES.md qualification verdict), computed by the server, with its reasons. */
export function QualificationSection({ partner, save, onKeepTheirs }: QualificationSectionProps) {
  return (
    <EditableSection
      title="Qualification"
      testId="section-qualification"
      specs={QUALIFICATION}
      record={partner}
      recordName={partner.name}
      optionLists={undefined}
      save={save}
      onKeepTheirs={onKeepTheirs}
      readView={<Checklist partner={partner} />}
      cols={1}
    />
  );
}
