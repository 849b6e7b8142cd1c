import { ActionIcon, Code, CopyButton, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../../crm/fields/use-custom-fields';
import { contactCustomField, CUSTOM_FIELD_PATTERN, customerCustomField, DEFAULT_EXAMPLE, MERGE_FIELDS } from './merge-fields';

function CopyCode({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={code} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('marketing.mergeFields.copied') : t('marketing.mergeFields.copy')} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} size="sm" onClick={copy} aria-label={t('marketing.mergeFields.copyField', { field: code })}>
            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** What a template can merge for each person: the standard fields, the company's custom fields by key, and a fallback for empty values. */
export function MergeFieldHelp() {
  const { t } = useTranslation();
  const people = useCustomFields('CONTACT');
  const customers = useCustomFields('CUSTOMER');
  const rows = [
    ...MERGE_FIELDS.map((field) => ({ code: field.code, description: t(field.description) })),
    ...people.fields.map((field) => ({ code: contactCustomField(field.key), description: t('marketing.mergeFields.customOfPerson', { label: field.label }) })),
    ...customers.fields.map((field) => ({ code: customerCustomField(field.key), description: t('marketing.mergeFields.customOfCustomer', { label: field.label }) })),
  ];
  const title = t('marketing.mergeFields.title');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} fz="h5" mb={4}>
        {title}
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        {t('marketing.mergeFields.intro')}
      </Text>
      <Table.ScrollContainer minWidth={320} type="native">
        <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm" aria-label={title}>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.code}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Code style={{ whiteSpace: 'nowrap' }}>{row.code}</Code>
                    <CopyCode code={row.code} />
                  </Group>
                </Table.Td>
                <Table.Td c="dimmed">{row.description}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={4} mt="sm">
        <Text fz="xs" c="dimmed">
          {t('marketing.mergeFields.customHint')} <Code fz="xs">{CUSTOM_FIELD_PATTERN}</Code>
        </Text>
        <Text fz="xs" c="dimmed">
          {t('marketing.mergeFields.defaultHint')} <Code fz="xs">{DEFAULT_EXAMPLE}</Code>
        </Text>
      </Stack>
    </Paper>
  );
}
