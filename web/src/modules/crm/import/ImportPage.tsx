import { Box, Button, FileInput, Group, Paper, SegmentedControl, Stack, Stepper, Text } from '@mantine/core';
import { IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { IMPORT_WIZARD } from './import.documents';
import { uploadCsv, type ImportEntity } from './import-http';
import { ImportMapping } from './ImportMapping';
import { ImportProgress } from './ImportProgress';
import { ImportResult } from './ImportResult';

/** The first step: which list the file fills in, and the file. */
function UploadStep({ onUploaded }: { onUploaded: (id: string) => void }) {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<ImportEntity>('CONTACT');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function upload() {
    if (!file) {
      setProblem(t('import.upload.chooseFile'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onUploaded(await uploadCsv(file, entity));
    } catch (error) {
      const refused = error instanceof ApiError ? error.problems[0] : undefined;
      // A file the server cannot read says why (the line and what is wrong), in English.
      if (refused?.reason === 'INVALID_CSV') setProblem(t('import.upload.invalidCsv', { detail: refused.message.replace(/^file: /, '') }));
      else if (refused?.reason === 'TOO_LARGE') setProblem(t('import.upload.tooLarge'));
      else setProblem(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <form
        aria-label={t('import.upload.title')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <Stack gap="md" maw={560}>
          <Stack gap={4}>
            <Text fw={500} fz="sm" id="import-entity-label">
              {t('import.upload.entity')}
            </Text>
            <SegmentedControl
              aria-labelledby="import-entity-label"
              value={entity}
              onChange={(value) => setEntity(value === 'CUSTOMER' ? 'CUSTOMER' : 'CONTACT')}
              data={[
                { value: 'CONTACT', label: t('import.entity.CONTACT') },
                { value: 'CUSTOMER', label: t('import.entity.CUSTOMER') },
              ]}
            />
          </Stack>
          <FileInput
            label={t('import.upload.file')}
            description={t('import.upload.fileHint')}
            placeholder={t('import.upload.filePlaceholder')}
            accept=".csv,.txt,text/csv,text/plain"
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            value={file}
            onChange={(next) => {
              setFile(next);
              setProblem(null);
            }}
            error={problem}
            clearable
          />
          <Group>
            <Button type="submit" leftSection={<IconUpload size={16} />} loading={busy}>
              {t('import.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Where a run stands, as the steps of the wizard. */
function stepOf(status: string, dryRun: boolean, editing: boolean): number {
  if (editing || status === 'DRAFT') return 1;
  if (dryRun) return 2;
  return status === 'DONE' ? 4 : 3;
}

/** An uploaded file: mapped, checked by a dry run, imported, summed up. */
function ImportRun({ id, onAnother }: { id: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const query = useApiQuery(IMPORT_WIZARD, { id });
  const entry = query.data?.import;
  const running = entry?.status === 'QUEUED' || entry?.status === 'RUNNING';
  // Progress is committed batch by batch: the same query, asked again every second while the run goes on.
  useApiQuery(IMPORT_WIZARD, { id }, { enabled: running, refetchInterval: running ? 1_000 : undefined });

  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!entry) return <DetailSkeleton />;
  const status = entry.status;
  return (
    <Stack gap="lg">
      <Stepper active={stepOf(status, entry.dryRun, editing)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('import.steps.upload')} description={entry.fileName} />
        <Stepper.Step label={t('import.steps.map')} />
        <Stepper.Step label={t('import.steps.check')} />
        <Stepper.Step label={t('import.steps.import')} />
      </Stepper>
      {editing || status === 'DRAFT' ? (
        <ImportMapping entry={entry} onStarted={() => setEditing(false)} />
      ) : status === 'QUEUED' || status === 'RUNNING' ? (
        <ImportProgress entry={entry} />
      ) : (
        <ImportResult entry={entry} onEdit={() => setEditing(true)} onAnother={onAnother} />
      )}
    </Stack>
  );
}

/** `/import`: a CSV file of people or customers, from upload to summary. The import's id is in the address, so a reload goes on where it was. */
export function ImportPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  return (
    <Box maw={1100}>
      <PageHeader title={t('import.title')} subtitle={t('import.intro')} />
      {!can('CRM:write') ? (
        <NoPermissionAlert />
      ) : id ? (
        <ImportRun key={id} id={id} onAnother={() => setParams({})} />
      ) : (
        <UploadStep onUploaded={(uploaded) => setParams({ id: uploaded })} />
      )}
    </Box>
  );
}
