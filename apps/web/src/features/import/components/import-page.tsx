import { Alert, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { SheetImportDto } from '@ptrack/contracts';
import { useState } from 'react';
import { useCan } from '../../auth/hooks/use-session';
import { useApplyImport } from '../hooks/use-import';
import { mappingOf, type SavedMapping, sameMapping } from '../import-mapping';
import type { ColumnTarget } from '../import-targets';
import { ApplyStep } from './apply-step';
import { ColumnsStep } from './columns-step';
import { PreviewStep } from './preview-step';
import { UploadStep } from './upload-step';

type Step = 0 | 1 | 2 | 3;

/** The sheet import wizard (issue 5): upload → columns → preview → import. */
export function ImportPage() {
  // Roles without imports:run (viewers) see why instead of a wizard the server would refuse.
  if (!useCan('imports:run')) {
    return (
      <Stack gap="lg">
        <Title order={1}>Import your sheet</Title>
        <Alert color="gray" title="Your role cannot import">
          Imports are run by admins, directors and managers. Ask one of them to import the sheet.
        </Alert>
      </Stack>
    );
  }
  return <ImportWizard />;
}

function ImportWizard() {
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<SheetImportDto | null>(null);
  const [draft, setDraft] = useState<SavedMapping | null>(null);
  // What the server first proposed per column: picking "custom" or "computed" again restores it.
  const [proposed, setProposed] = useState<ColumnTarget[]>([]);
  const apply = useApplyImport();
  // Four steps with descriptions do not fit side by side on a phone.
  const phone = useMediaQuery('(max-width: 36em)');

  const saved = sheet ? mappingOf(sheet) : null;
  const dirty = !!draft && !!saved && !sameMapping(draft, saved);
  const started = apply.isPending || apply.isSuccess;

  const onUploaded = (picked: File, uploaded: SheetImportDto) => {
    setFile(picked);
    setSheet(uploaded);
    setDraft(mappingOf(uploaded));
    setProposed(uploaded.columns.map((c) => c.target as ColumnTarget));
    apply.reset();
  };
  const startImport = (force: boolean) => {
    if (!sheet) return;
    setStep(3);
    apply.mutate({ id: sheet.id, force });
  };
  const restart = () => {
    setStep(0);
    setFile(null);
    setSheet(null);
    setDraft(null);
    apply.reset();
  };
  const applyView = sheet ? (
    <ApplyStep
      sheet={sheet}
      applying={apply.isPending}
      applied={apply.data}
      error={apply.error}
      onRetry={() => apply.mutate({ id: sheet.id, force: apply.variables?.force ?? false })}
      onAnother={restart}
    />
  ) : null;
  // Steps already reached can be revisited, until the import has started.
  const reachable = (target: number) => !started && target < step;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Import your sheet</Title>
        <Text c="gray.7" mt={4}>
          Bring your partner tracker in from a spreadsheet. Columns are matched for you; you check them and see every change
          before anything is saved.
        </Text>
      </div>
      <Stepper
        active={apply.isSuccess ? 4 : step}
        onStepClick={(s) => reachable(s) && setStep(s as Step)}
        size="sm"
        orientation={phone ? 'vertical' : 'horizontal'}
        allowNextStepsSelect={false}
        aria-label="Import steps"
      >
        <Stepper.Step label="Upload" description="Your CSV or Excel file" allowStepSelect={reachable(0)}>
          <UploadStep file={file} uploaded={sheet} onUploaded={onUploaded} onNext={() => setStep(1)} />
        </Stepper.Step>
        <Stepper.Step label="Columns" description="What each becomes" allowStepSelect={reachable(1)}>
          {sheet && draft ? (
            <ColumnsStep
              sheet={sheet}
              draft={draft}
              dirty={dirty}
              proposed={proposed}
              onDraft={setDraft}
              onSaved={(updated) => {
                setSheet(updated);
                setDraft(mappingOf(updated));
              }}
              onBack={() => setStep(0)}
              onNext={() => setStep(2)}
            />
          ) : null}
        </Stepper.Step>
        <Stepper.Step label="Preview" description="Row by row" allowStepSelect={reachable(2)}>
          {sheet ? <PreviewStep sheet={sheet} onBack={() => setStep(1)} onImport={startImport} /> : null}
        </Stepper.Step>
        <Stepper.Step label="Import" description="Save the partners" loading={apply.isPending}>
          {applyView}
        </Stepper.Step>
        <Stepper.Completed>{applyView}</Stepper.Completed>
      </Stepper>
    </Stack>
  );
}
