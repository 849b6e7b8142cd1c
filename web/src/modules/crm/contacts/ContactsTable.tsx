import { Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrderDirection } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { CustomerKindIcon } from '../customers/CustomerKindIcon';
import { CustomColumnCells, CustomColumnHeaders } from '../fields/CustomColumns';
import type { CustomFieldDef } from '../fields/custom-values';
import { NameAvatar } from '../shared/NameAvatar';
import { SortableTh } from '../shared/SortableTh';
import type { Sort } from '../shared/sort';
import type { ContactRow } from './contacts-view';

interface ContactsTableProps {
  rows: ContactRow[];
  sort: Sort<string>;
  onSort: (key: string, direction: OrderDirection | null) => void;
  /** Custom fields chosen as extra columns (their values come with the rows). */
  customColumns?: CustomFieldDef[];
}

/** People as a table (desktop): name with avatar and position, email, phone, customer, last change. */
export function ContactsTable({ rows, sort, onSort, customColumns = [] }: ContactsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const header = (key: string, label: string, width?: string) => (
    <SortableTh active={sort.key === key} direction={sort.direction} onSort={() => onSort(key, sort.key === key ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : null)} width={width}>
      {label}
    </SortableTh>
  );
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760 + customColumns.length * 140} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('crm.people.listLabel')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              {header('name', t('crm.people.columns.name'), '30%')}
              {header('email', t('crm.people.columns.email'))}
              <Table.Th>{t('crm.people.columns.phone')}</Table.Th>
              <Table.Th>{t('crm.people.columns.customer')}</Table.Th>
              <CustomColumnHeaders columns={customColumns} sort={sort} onSort={onSort} />
              {header('updated', t('crm.people.columns.updated'), '9rem')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((contact) => (
              <Table.Tr key={contact.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <NameAvatar name={contact.fullName} size={34} />
                    <Stack gap={0} miw={0}>
                      <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" truncate="end">
                        {contact.fullName}
                      </Anchor>
                      {contact.position && (
                        <Text fz="xs" c="dimmed" truncate="end">
                          {contact.position.name}
                        </Text>
                      )}
                    </Stack>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {contact.email ? (
                    <Anchor href={`mailto:${contact.email}`} fz="sm">
                      {contact.email}
                    </Anchor>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {t('common.none')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={contact.phone ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                    {contact.phone ?? t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {contact.customer ? (
                    <Group gap={8} wrap="nowrap">
                      <CustomerKindIcon kind={contact.customer.kind} size={22} />
                      <Anchor component={Link} to={`/customers/${contact.customer.id}`} fz="sm" c="var(--mantine-color-text)" truncate="end">
                        {contact.customer.name}
                      </Anchor>
                    </Group>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {t('common.none')}
                    </Text>
                  )}
                </Table.Td>
                <CustomColumnCells columns={customColumns} values={contact.customFields} />
                <Table.Td>
                  <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {format.date(contact.updatedAt)}
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
