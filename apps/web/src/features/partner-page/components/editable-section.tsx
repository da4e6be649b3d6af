import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, fieldError } from '../../../api/client';
import { notifyError } from '../../../lib/notify';
import { ConflictDialog, type ConflictRow } from '../../../ui/conflict-dialog';
import { Can } from '../../auth/components/can';
import { changedKeys, type FormValues, fieldValueOf, formValuesOf, patchOfForm } from '../field-form';
import { type FieldSpec, fieldLabel } from '../field-specs';
import { formatValue } from '../timeline-entries';
import { FieldInput } from './field-input';
import { FieldList } from './field-list';
import { SectionCard } from './section-card';

type Versioned = Record<string, unknown> & { version: number; custom?: Record<string, unknown> };

export type EditableSectionProps<R extends Versioned> = {
  title: string;
  testId: string;
  specs: FieldSpec[];
  record: R;
  recordName: string;
  optionLists: Record<string, string[]> | undefined;
  /** PATCHes the record (body with `version`); resolves with the saved record. */
  save(body: Record<string, unknown>): Promise<R>;
  /** The user kept the other person's version: show it. */
  onKeepTheirs(current: R): void;
  collapsible?: { defaultOpen: boolean };
  /** Shown above the fields when reading (a computed score…). */
  summary?: ReactNode;
  /** Replaces the list of fields when reading. */
  readView?: ReactNode;
  cols?: number;
};

/**
 * A section of a record's own fields, read as a list and edited as a form (only changed fields are
 * sent, with the version read). A stale version opens the conflict dialog instead of overwriting.
 */
export function EditableSection<R extends Versioned>(props: EditableSectionProps<R>) {
  const [editing, setEditing] = useState<FormValues | null>(null);
  const [initial, setInitial] = useState<FormValues>({});
  // The version the form was filled from: a refetch while editing must not make a stale edit look fresh.
  const [baseVersion, setBaseVersion] = useState(props.record.version);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<{ current: R; body: Record<string, unknown> } | null>(null);

  const start = () => {
    const values = formValuesOf(props.specs, props.record);
    setInitial(values);
    setBaseVersion(props.record.version);
    setEditing(values);
    setError(null);
  };
  const stop = () => {
    setEditing(null);
    setConflict(null);
    setError(null);
  };

  const send = async (body: Record<string, unknown>, version: number) => {
    setSaving(true);
    try {
      await props.save({ ...body, version });
      stop();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && e.current) {
        setConflict({ current: e.current as R, body });
      } else if (!changedKeys(body).some((k) => messageFor(e, k))) {
        setConflict(null);
        notifyError(e);
      }
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const body = patchOfForm(props.specs, initial, editing);
    if (changedKeys(body).length === 0) return stop();
    void send(body, baseVersion);
  };

  return (
    <SectionCard
      title={props.title}
      testId={props.testId}
      collapsible={props.collapsible}
      actions={
        editing ? null : (
          <Can permission="partners:write">
            <Button variant="light" size="xs" onClick={start} aria-label={`Edit ${props.title.toLowerCase()}`}>
              Edit
            </Button>
          </Can>
        )
      }
    >
      {editing ? (
        <form onSubmit={onSubmit} noValidate aria-label={`Edit ${props.title.toLowerCase()}`}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: props.cols ?? 2 }} spacing="md" verticalSpacing="sm">
              {props.specs.map((spec) => (
                <FieldInput
                  key={spec.key}
                  spec={spec}
                  value={editing[spec.key] ?? ''}
                  optionLists={props.optionLists}
                  error={messageFor(error, spec.key)}
                  onChange={(value) => setEditing((v) => (v ? { ...v, [spec.key]: value } : v))}
                />
              ))}
            </SimpleGrid>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={stop} disabled={saving}>
                Cancel
              </Button>
              <Button type="submit" loading={saving}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="sm">
          {props.summary}
          {props.readView ?? <FieldList specs={props.specs} record={props.record} cols={props.cols} />}
        </Stack>
      )}
      {conflict ? (
        <ConflictDialog
          title={`Someone changed ${props.recordName} since you loaded it`}
          intro="Your changes were not saved. Choose which values to keep:"
          columns={['theirs', 'mine']}
          rows={conflictRows(props.specs, conflict)}
          applying={saving}
          onClose={() => setConflict(null)}
          onKeepTheirs={() => {
            props.onKeepTheirs(conflict.current);
            stop();
          }}
          onApply={() => void send(conflict.body, conflict.current.version)}
        />
      ) : null}
    </SectionCard>
  );
}

/** The fields the user changed, with the value saved now and theirs. */
function conflictRows(specs: FieldSpec[], conflict: { current: Versioned; body: Record<string, unknown> }): ConflictRow[] {
  return changedKeys(conflict.body).map((key) => ({
    key,
    label: specs.find((s) => s.key === key)?.label ?? fieldLabel(key),
    theirs: formatValue(fieldValueOf(conflict.current, key)),
    mine: formatValue(fieldValueOf(conflict.body as Versioned, key)),
  }));
}

/** The server's message for a field; custom fields may be named `custom.key` or `key`. */
function messageFor(error: unknown, key: string): string | undefined {
  return fieldError(error, key) ?? (key.startsWith('custom.') ? fieldError(error, key.slice('custom.'.length)) : undefined);
}
