import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconChecks, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportDedupeKey, ImportDuplicateAction, ImportField, ImportWizardQuery } from '../../../gql/graphql';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useSwitchedOn } from '../../../lib/viewer';
import { CountrySelect } from '../shared/CountrySelect';
import { IMPORT_CUSTOM_FIELDS, IMPORT_QUERIES, RUN_IMPORT } from './import.documents';
import { choiceOf, COUNTERPARTY_FIELDS, DEDUPE_FIELDS, DEDUPE_KEYS, FIELDS, mappingOf, type ColumnChoice } from './import-fields';

type Entry = ImportWizardQuery['import'];

const SAMPLE_VALUES = 3;

/** The form's starting choices: the last run's mapping when there was one, else what the headers suggest. */
function initialChoices(entry: Entry): ColumnChoice[] {
  const mapping = entry.mapping.length > 0 ? entry.mapping : entry.suggestedMapping;
  return entry.headers.map((_, column) => {
    const found = mapping.find((m) => m.column === column);
    return found ? choiceOf(found.field, found.customFieldKey) : '';
  });
}

function mappedFields(choices: ColumnChoice[]): Set<string> {
  return new Set(choices.filter((choice) => choice !== ''));
}

/** The duplicate keys the mapped columns allow, the last run's (or all of them) first. */
function initialDedupe(entry: Entry, choices: ColumnChoice[]): ImportDedupeKey[] {
  const mapped = mappedFields(choices);
  const possible = DEDUPE_KEYS[entry.entity].filter((key) => DEDUPE_FIELDS[key].some((field) => mapped.has(field)));
  return entry.mapping.length > 0 ? entry.dedupeBy.filter((key) => possible.includes(key)) : possible;
}

/** The second step: which field each column fills in, how duplicates are found, then a dry run (or the import). */
export function ImportMapping({ entry, onStarted }: { entry: Entry; onStarted: () => void }) {
  const { t } = useTranslation();
  const switchedOn = useSwitchedOn();
  const customOn = switchedOn('CRM.customFields');
  const custom = useApiQuery(IMPORT_CUSTOM_FIELDS, { entity: entry.entity }, { enabled: customOn, staleTime: 60_000 });
  const run = useApiMutation(RUN_IMPORT, IMPORT_QUERIES);
  const [choices, setChoices] = useState<ColumnChoice[]>(() => initialChoices(entry));
  const [dedupeBy, setDedupeBy] = useState<ImportDedupeKey[]>(() => initialDedupe(entry, initialChoices(entry)));
  const [onDuplicate, setOnDuplicate] = useState<ImportDuplicateAction>(entry.onDuplicate);
  const [defaultCountry, setDefaultCountry] = useState<string | null>(entry.defaultCountry ?? null);
  const [consentSource, setConsentSource] = useState(entry.consentSource ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const mapped = mappedFields(choices);
  const fields = FIELDS[entry.entity].filter((field) => switchedOn('CRM.counterparties') || !COUNTERPARTY_FIELDS.includes(field));
  const options = [
    { value: '', label: t('import.map.skip') },
    ...fields.map((field) => ({ value: field, label: t(`import.fields.${field}`) })),
    ...(custom.data?.customFields ?? []).map((field) => ({ value: choiceOf('CUSTOM_FIELD', field.key), label: t('import.map.customField', { label: field.label }) })),
  ];
  const keys = DEDUPE_KEYS[entry.entity].filter((key) => DEDUPE_FIELDS[key].some((field) => mapped.has(field)));
  const phones = mapped.has('PHONE') || mapped.has('PHONE_2');
  const consent = mapped.has('EMAIL_CONSENT') || mapped.has('SMS_CONSENT');
  const required: ImportField[] = entry.entity === 'CONTACT' ? ['FIRST_NAME', 'FULL_NAME'] : ['NAME'];
  const missingRequired = !required.some((field) => mapped.has(field));

  function choose(column: number, value: ColumnChoice) {
    // A field fills one column: choosing it again here frees the other column.
    setChoices((current) => current.map((choice, i) => (i === column ? value : value !== '' && choice === value ? '' : choice)));
    setProblem(null);
  }

  async function start(dryRun: boolean) {
    setProblem(null);
    try {
      await run.mutateAsync({
        input: {
          id: entry.id,
          mapping: mappingOf(choices),
          dedupeBy: dedupeBy.filter((key) => keys.includes(key)),
          onDuplicate,
          defaultCountry: phones ? defaultCountry : null,
          consentSource: consent ? consentSource.trim() || null : null,
          dryRun,
        },
      });
      onStarted();
    } catch (error) {
      const refused = error instanceof ApiError ? error.problems[0] : undefined;
      if (refused?.path.includes('consentSource')) setProblem(t('import.map.consentSourceRequired'));
      else if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') setProblem(t('import.map.refused', { detail: error.message }));
      else setProblem(errorMessage(t, error));
    }
  }

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p={0} style={{ overflowX: 'auto' }}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('import.map.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.map.column')}</Table.Th>
              <Table.Th>{t('import.map.sample')}</Table.Th>
              <Table.Th miw={240}>{t('import.map.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.headers.map((header, column) => (
              <Table.Tr key={column}>
                <Table.Td fw={500}>{header || t('import.map.unnamed', { number: column + 1 })}</Table.Td>
                <Table.Td c="dimmed" fz="sm" maw={320} style={{ overflowWrap: 'anywhere' }}>
                  {entry.sampleRows
                    .slice(0, SAMPLE_VALUES)
                    .map((row) => row[column] ?? '')
                    .filter((value) => value.trim() !== '')
                    .join(' · ')}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('import.map.fieldFor', { column: header || column + 1 })}
                    data={options}
                    value={choices[column] ?? ''}
                    onChange={(value) => choose(column, value ?? '')}
                    searchable
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Text component="h2" fw={600} m={0}>
            {t('import.map.options')}
          </Text>
          {keys.length > 0 ? (
            <Checkbox.Group label={t('import.map.dedupeBy')} description={t('import.map.dedupeHint')} value={dedupeBy} onChange={(value) => setDedupeBy(value as ImportDedupeKey[])}>
              <Group mt="xs">
                {keys.map((key) => (
                  <Checkbox key={key} value={key} label={t(`import.dedupe.${key}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : (
            <Text fz="sm" c="dimmed">
              {t('import.map.noDedupe')}
            </Text>
          )}
          {keys.length > 0 && (
            <Stack gap={4}>
              <Text fz="sm" fw={500} id="import-duplicate-label">
                {t('import.map.onDuplicate')}
              </Text>
              <SegmentedControl
                aria-labelledby="import-duplicate-label"
                value={onDuplicate}
                onChange={(value) => setOnDuplicate(value === 'UPDATE' ? 'UPDATE' : 'SKIP')}
                data={[
                  { value: 'SKIP', label: t('import.duplicate.SKIP') },
                  { value: 'UPDATE', label: t('import.duplicate.UPDATE') },
                ]}
                w="fit-content"
              />
            </Stack>
          )}
          {phones && <CountrySelect label={t('import.map.defaultCountry')} description={t('import.map.defaultCountryHint')} value={defaultCountry} onChange={setDefaultCountry} style={{ maxWidth: 360 }} />}
          {consent && (
            <TextInput
              label={t('import.map.consentSource')}
              description={t('import.map.consentSourceHint')}
              placeholder={t('import.map.consentSourcePlaceholder')}
              value={consentSource}
              onChange={(event) => setConsentSource(event.currentTarget.value)}
              required
              maw={480}
            />
          )}
        </Stack>
      </Paper>

      {missingRequired && (
        <Alert color="yellow" icon={<IconAlertTriangle />} role="status">
          {entry.entity === 'CONTACT' ? t('import.map.needsName') : t('import.map.needsCustomerName')}
        </Alert>
      )}
      {problem && (
        <Alert color="red" icon={<IconAlertTriangle />} role="alert">
          {problem}
        </Alert>
      )}
      <Group>
        <Button leftSection={<IconChecks size={16} />} loading={run.isPending && run.variables?.input.dryRun === true} disabled={missingRequired || run.isPending} onClick={() => void start(true)}>
          {t('import.map.dryRun')}
        </Button>
        <Button variant="default" leftSection={<IconFileImport size={16} />} loading={run.isPending && run.variables?.input.dryRun === false} disabled={missingRequired || run.isPending} onClick={() => void start(false)}>
          {t('import.map.importNow')}
        </Button>
      </Group>
    </Stack>
  );
}
