import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { ChannelBadge } from '../shared/ChannelBadge';
import { templateSummary, type TemplateRow } from './templates-view';

/** Templates as a table (desktop): name, channel, subject or text, last change. */
export function TemplatesTable({ rows }: { rows: TemplateRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('marketing.templates.list.label')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              <Table.Th w="30%">{t('marketing.templates.columns.name')}</Table.Th>
              <Table.Th>{t('marketing.templates.columns.channel')}</Table.Th>
              <Table.Th>{t('marketing.templates.columns.message')}</Table.Th>
              <Table.Th>{t('marketing.templates.columns.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((template) => (
              <Table.Tr key={template.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/campaigns/templates/${template.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                    {template.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <ChannelBadge channel={template.channel} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                    {templateSummary(template)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {format.dateTime(template.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
