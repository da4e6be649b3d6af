import { Button, Fieldset, Group, Text } from '@mantine/core';
import type { SettingsDto, UpdateSettingsRequest } from '@ptrack/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../api/client';
import { problemsUnder } from '../../../api/problems';
import { queryKeys } from '../../../api/query-keys';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ConflictDialog } from '../../../ui/conflict-dialog';
import { SettingsCard } from '../../../ui/settings-card';
import { useCan } from '../../auth/hooks/use-session';
import { useUpdateSettings } from '../hooks/use-settings';
import { rebase, type SettingsSection as Section, sectionChanges } from '../settings-form';

export type SectionConfig<T> = Section<T> & {
  /** The request body for this section's value (without the version). */
  toPatch(value: T): Omit<UpdateSettingsRequest, 'version'>;
  /** A problem to show before sending anything (e.g. a blank number), or null. */
  check?(value: T): string | null;
  /** The request paths this section's fields answer to, e.g. `cadences`. */
  fields: string[];
};

export type SectionFields<T> = { value: T; onChange(value: T): void; error: unknown };

type Props<T> = {
  title: string;
  description: ReactNode;
  settings: SettingsDto;
  config: SectionConfig<T>;
  /** A heading level for nested sections (option lists sit under one heading). */
  level?: 2 | 3;
  /** The save button's words, e.g. "Save IPP bands" (default: Save + the title). */
  saveLabel?: string | undefined;
  children(fields: SectionFields<T>): ReactNode;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
// "Phases" → "phases", but "JVP statuses" keeps its acronym.
const lowerFirst = (s: string) => (/^[A-Z][A-Z]/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

/**
 * One part of the settings that saves on its own: a draft over the saved value, Save/Discard, the
 * server's field errors, and on a stale version (409) the changes with a choice to reapply or keep theirs.
 */
export function SettingsSection<T>({ title, description, settings, config, level = 2, saveLabel, children }: Props<T>) {
  const client = useQueryClient();
  const update = useUpdateSettings();
  const [draft, setDraft] = useState<{ value: T; base: SettingsDto } | null>(null);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<SettingsDto | null>(null);
  const [saved, setSaved] = useState(false);
  // Roles without settings:write read the settings: the fields are shown fixed, with no Save.
  const canSave = useCan('settings:write');
  const value = draft?.value ?? config.pick(settings);
  const dirty = draft !== null && !same(draft.value, config.pick(settings));
  const id = `settings-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

  const save = (version: number, toSave: T = value) => {
    const problem = config.check?.(toSave) ?? null;
    setLocalProblem(problem);
    if (problem) return;
    update.mutate(
      { version, ...config.toPatch(toSave) },
      {
        onSuccess: () => {
          setDraft(null);
          setConflict(null);
          setSaved(true);
          notifySuccess(`${title} saved`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT' && error.current) {
            setConflict(error.current as SettingsDto);
          } else if (!config.fields.some((f) => problemsUnder(error, f).length > 0)) notifyError(error);
        },
      },
    );
  };

  const onChange = (next: T) => {
    setDraft({ value: next, base: draft?.base ?? settings });
    setSaved(false);
    setLocalProblem(null);
    if (update.isError) update.reset();
  };
  // On a conflict, what "Reapply mine" saves: the user's changes on top of the settings saved now.
  const reapplied = conflict ? rebase(config.pick(draft?.base ?? settings), value, config.pick(conflict)) : null;
  const discard = () => {
    setDraft(null);
    setLocalProblem(null);
    update.reset();
  };

  return (
    <SettingsCard headingId={id} testId={id} title={title} description={description} level={level}>
      <Fieldset variant="unstyled" disabled={!canSave}>
        {children({ value, onChange, error: update.error })}
      </Fieldset>
      {localProblem ? (
        <Text size="sm" c="red.9" role="alert">
          {localProblem}
        </Text>
      ) : null}
      {canSave ? (
        <Group gap="xs" align="center">
          <Button onClick={() => save(settings.version)} disabled={!dirty} loading={update.isPending}>
            {saveLabel ?? `Save ${lowerFirst(title)}`}
          </Button>
          {dirty ? (
            <Button variant="default" onClick={discard} disabled={update.isPending}>
              Discard
            </Button>
          ) : null}
          <Text size="sm" c={saved ? 'teal.9' : 'gray.7'} aria-live="polite">
            {saved && !dirty ? 'Saved' : dirty ? 'Unsaved changes' : ''}
          </Text>
        </Group>
      ) : null}
      {conflict && reapplied ? (
        <ConflictDialog
          testId="settings-conflict"
          size="xl"
          title="The settings were changed by someone else"
          intro={`Your ${title.toLowerCase()} were not saved: the settings changed since you loaded this page.`}
          columns={['before', 'theirs', 'mine']}
          headers={{ field: 'Setting', mine: 'If you reapply' }}
          rows={sectionChanges(
            config.describe(config.pick(draft?.base ?? settings)),
            config.describe(config.pick(conflict)),
            config.describe(reapplied),
          ).map((c) => ({ key: c.label, label: c.label, before: c.before, theirs: c.now, mine: c.yours }))}
          applyLabel="Reapply mine"
          applying={update.isPending}
          onApply={() => {
            // The draft now sits on what is saved, so a later stale save compares against it.
            setDraft({ value: reapplied, base: conflict });
            save(conflict.version, reapplied);
          }}
          onKeepTheirs={() => {
            client.setQueryData(queryKeys.settings, conflict);
            setConflict(null);
            setDraft(null);
            update.reset();
          }}
          onClose={() => setConflict(null)}
        />
      ) : null}
    </SettingsCard>
  );
}
