import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrderDirection } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { NameAvatar } from '../shared/NameAvatar';
import { SortableTh } from '../shared/SortableTh';
import type { Sort } from '../shared/sort';
import type { CompanyRow } from './companies-view';

interface CompaniesTableProps {
  rows: CompanyRow[];
  sort: Sort<string>;
  onSort: (key: string, direction: OrderDirection | null) => void;
}

/** Companies as a table (desktop): name and domain, email, phone, how many people, last change. */
export function CompaniesTable({ rows, sort, onSort }: CompaniesTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const header = (key: string, label: string, width?: string) => (
    <SortableTh active={sort.key === key} direction={sort.direction} onSort={() => onSort(key, sort.key === key ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : null)} width={width}>
      {label}
    </SortableTh>
  );
  const dash = (
    <Text fz="sm" c="dimmed">
      {t('common.none')}
    </Text>
  );
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('crm.companies.listLabel')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              {header('name', t('crm.companies.columns.name'), '32%')}
              <Table.Th>{t('crm.companies.columns.email')}</Table.Th>
              <Table.Th>{t('crm.companies.columns.phone')}</Table.Th>
              <Table.Th>{t('crm.companies.columns.people')}</Table.Th>
              {header('updated', t('crm.companies.columns.updated'), '9rem')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((company) => (
              <Table.Tr key={company.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <NameAvatar name={company.name} size={34} square />
                    <Stack gap={0} miw={0}>
                      <Anchor component={Link} to={`/companies/${company.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" truncate="end">
                        {company.name}
                      </Anchor>
                      {company.domain && (
                        <Text fz="xs" c="dimmed" truncate="end">
                          {company.domain}
                        </Text>
                      )}
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {company.email ? (
                    <Anchor href={`mailto:${company.email}`} fz="sm">
                      {company.email}
                    </Anchor>
                  ) : (
                    dash
                  )}
                </Table.Td>
                <Table.Td>
                  {company.phone ? (
                    <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {company.phone}
                    </Text>
                  ) : (
                    dash
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={company.contacts.totalCount > 0 ? 'blue' : 'gray'} radius="sm" tt="none">
                    {t('crm.companies.peopleCount', { count: company.contacts.totalCount })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {format.date(company.updatedAt)}
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
