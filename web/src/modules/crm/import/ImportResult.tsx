import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconFileImport, IconList, IconUpload } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportWizardQuery } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/error-message';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/use-api';
import { IMPORT_QUERIES, RUN_IMPORT } from './import.documents';

type Entry = ImportWizardQuery['import'];
type RowError = Entry['errors']['edges'][number]['node'];

/** A refused value in the user's words where Kontor has them, else as the server said it. */
function problemText(t: TFunction, error: RowError): string {
  const own = t(`import.reasons.${error.reason}`, { defaultValue: '' });
  if (own) return own;
  const general = t(`errors.reason.${error.reason}`, { defaultValue: '' });
  // A wording that needs a value the row error does not carry ({{max}}) gives way to the server's sentence.
  return general && !general.includes('{{') ? general : error.message;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** The refused rows, by spreadsheet line and column. */
function ErrorsTable({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errors = entry.errors.edges.map((edge) => edge.node);
  if (errors.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} fz="h4">
        {t('import.result.errorsTitle')}
      </Title>
      <Paper withBorder radius="md" p={0} style={{ overflowX: 'auto' }}>
        <Table verticalSpacing="xs" horizontalSpacing="md" striped aria-label={t('import.result.errorsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.result.line')}</Table.Th>
              <Table.Th>{t('import.result.column')}</Table.Th>
              <Table.Th>{t('import.result.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((error, i) => (
              <Table.Tr key={`${error.row}-${error.column ?? 'row'}-${i}`}>
                <Table.Td>{format.number(error.row)}</Table.Td>
                <Table.Td>{error.columnName ?? t('import.result.wholeRow')}</Table.Td>
                <Table.Td>
                  <Text fz="sm">{problemText(t, error)}</Text>
                  <Text fz="xs" c="dimmed">
                    {error.message}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {entry.errorCount > errors.length && (
        <Text fz="sm" c="dimmed">
          {t('import.result.moreErrors', { count: entry.errorCount - errors.length })}
        </Text>
      )}
    </Stack>
  );
}

/** A finished run: what it did (or, for a dry run, would do), the refused rows, and what next. */
export function ImportResult({ entry, onEdit, onAnother }: { entry: Entry; onEdit: () => void; onAnother: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useApiMutation(RUN_IMPORT, IMPORT_QUERIES);
  const [problem, setProblem] = useState<string | null>(null);
  const list = entry.entity === 'CONTACT' ? '/contacts' : '/customers';
  const what = t(`import.entityPlural.${entry.entity}`);

  async function importForReal() {
    setProblem(null);
    try {
      await run.mutateAsync({
        input: {
          id: entry.id,
          mapping: entry.mapping.map((m) => ({ column: m.column, field: m.field, customFieldKey: m.customFieldKey ?? null })),
          dedupeBy: entry.dedupeBy,
          onDuplicate: entry.onDuplicate,
          defaultCountry: entry.defaultCountry ?? null,
          consentSource: entry.consentSource ?? null,
          dryRun: false,
        },
      });
    } catch (error) {
      setProblem(errorMessage(t, error));
    }
  }

  const failed = entry.status === 'FAILED';
  return (
    <Stack gap="lg">
      {failed ? (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('import.result.failedTitle')} role="alert">
          {entry.failureMessage ?? t('errors.code.INTERNAL_SERVER_ERROR')}
        </Alert>
      ) : (
        <Alert color={entry.failed > 0 ? 'yellow' : 'green'} icon={entry.failed > 0 ? <IconAlertTriangle /> : <IconCircleCheck />} title={entry.dryRun ? t('import.result.dryRunTitle') : t('import.result.doneTitle')} role="status">
          {entry.dryRun
            ? entry.failed > 0
              ? t('import.result.dryRunProblems', { count: entry.failed })
              : t('import.result.dryRunClean')
            : entry.failed > 0
              ? t('import.result.doneProblems', { count: entry.failed })
              : t('import.result.doneClean')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={entry.dryRun ? t('import.result.wouldCreate') : t('import.result.created')} value={format.number(entry.created)} />
        <Figure label={entry.dryRun ? t('import.result.wouldUpdate') : t('import.result.updated')} value={format.number(entry.updated)} />
        <Figure label={t('import.result.skipped')} value={format.number(entry.skipped)} />
        <Figure label={t('import.result.failed')} value={format.number(entry.failed)} />
      </SimpleGrid>
      <ErrorsTable entry={entry} />
      {problem && (
        <Alert color="red" icon={<IconAlertTriangle />} role="alert">
          {problem}
        </Alert>
      )}
      <Group>
        {entry.dryRun && !failed && (
          <Button leftSection={<IconFileImport size={16} />} loading={run.isPending} onClick={() => void importForReal()}>
            {t('import.result.importForReal')}
          </Button>
        )}
        {(entry.dryRun || (failed && entry.processed === 0)) && (
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onEdit}>
            {t('import.result.changeMapping')}
          </Button>
        )}
        {!entry.dryRun && (
          <Button component={Link} to={list} variant="default" leftSection={<IconList size={16} />}>
            {t('import.result.openList', { list: what })}
          </Button>
        )}
        <Button variant="subtle" leftSection={<IconUpload size={16} />} onClick={onAnother}>
          {t('import.result.another')}
        </Button>
      </Group>
    </Stack>
  );
}
