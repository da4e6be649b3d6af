import { Alert, Button, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import type { SheetImportDto } from '@ptrack/contracts';
import { type DragEvent, useId, useState } from 'react';
import { fieldError } from '../../../api/client';
import { useUploadSheet } from '../hooks/use-import';
import { ACCEPTED_EXTENSIONS, formatBytes, isSheetFile } from '../import-format';
import classes from './import.module.css';

type Props = {
  file: File | null;
  uploaded: SheetImportDto | null;
  onUploaded(file: File, uploaded: SheetImportDto): void;
  onNext(): void;
};

/** Step 1: pick or drop the sheet; a workbook's worksheet can be chosen (the file is read again). */
export function UploadStep({ file, uploaded, onUploaded, onNext }: Props) {
  const upload = useUploadSheet();
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const send = (picked: File, sheet?: string) => {
    setRefused(null);
    if (!isSheetFile(picked.name)) {
      setRefused(`"${picked.name}" is not a spreadsheet: choose a .csv, .tsv or .xlsx file.`);
      return;
    }
    upload.mutate({ file: picked, ...(sheet ? { sheet } : {}) }, { onSuccess: (dto) => onUploaded(picked, dto) });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) send(dropped);
  };
  const problem = refused ?? (upload.error ? (fieldError(upload.error, 'file') ?? upload.error.message) : null);

  return (
    <Stack gap="md">
      <label
        htmlFor={inputId}
        className={classes.dropzone}
        data-active={dragging || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          id={inputId}
          className={classes.fileInput}
          type="file"
          accept={ACCEPTED_EXTENSIONS.join(',')}
          aria-describedby={problem ? errorId : undefined}
          aria-invalid={problem ? true : undefined}
          data-testid="import-file"
          onChange={(e) => {
            const picked = e.currentTarget.files?.[0];
            e.currentTarget.value = ''; // choosing the same file again still uploads it
            if (picked) send(picked);
          }}
        />
        {upload.isPending ? <Loader size="sm" aria-label="Reading the sheet" /> : null}
        <Text fw={600}>{upload.isPending ? 'Reading the sheet…' : 'Drop your sheet here, or click to choose a file'}</Text>
        <Text size="sm" c="gray.7">
          CSV, TSV or Excel (.xlsx), with one header row. Download it from Google Sheets with File → Download.
        </Text>
      </label>

      {problem ? (
        <Alert color="red" title="This file could not be read" role="alert" id={errorId}>
          {problem}
        </Alert>
      ) : null}

      {file && uploaded && !upload.isPending ? (
        <Paper withBorder p="md" radius="md" data-testid="uploaded-file">
          <Stack gap="sm">
            <div>
              <Text fw={600}>{file.name}</Text>
              <Text size="sm" c="gray.7">
                {formatBytes(file.size)} · {uploaded.format.toUpperCase()} · {uploaded.totalRows.toLocaleString()}{' '}
                {uploaded.totalRows === 1 ? 'row' : 'rows'} · {uploaded.columns.length} columns
              </Text>
            </div>
            {uploaded.sheetNames.length > 1 ? (
              <Select
                label="Worksheet"
                description="The workbook has several worksheets: import one at a time."
                data={uploaded.sheetNames}
                value={uploaded.sheet ?? uploaded.sheetNames[0] ?? null}
                allowDeselect={false}
                onChange={(sheet) => sheet && send(file, sheet)}
                w={280}
              />
            ) : null}
            <Group>
              <Button onClick={onNext}>Next: check the columns</Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
