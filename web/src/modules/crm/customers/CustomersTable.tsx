import { Anchor, Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrderDirection } from '../../../gql/graphql';
import { CustomColumnCells, CustomColumnHeaders } from '../fields/CustomColumns';
import type { CustomFieldDef } from '../fields/custom-values';
import { usePlace } from '../shared/AddressView';
import { SortableTh } from '../shared/SortableTh';
import type { Sort } from '../shared/sort';
import { TagList } from '../shared/TagList';
import { AssigneeName } from '../tasks/AssigneeName';
import type { CustomerRow } from './customers-view';
import { CustomerKindIcon } from './CustomerKindIcon';
import { LifecycleBadge } from './LifecycleBadge';

interface CustomersTableProps {
  rows: CustomerRow[];
  sort: Sort<string>;
  onSort: (key: string, direction: OrderDirection | null) => void;
  /** Custom fields chosen as extra columns (their values come with the rows). */
  customColumns?: CustomFieldDef[];
}

/** Customers as a table (desktop): name and kind, lifecycle stage, owner, where they are, tags. */
export function CustomersTable({ rows, sort, onSort, customColumns = [] }: CustomersTableProps) {
  const { t } = useTranslation();
  const place = usePlace();
  const dash = (
    <Text fz="sm" c="dimmed">
      {t('common.none')}
    </Text>
  );
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={820 + customColumns.length * 140} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('crm.customers.listLabel')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              <SortableTh active={sort.key === 'name'} direction={sort.direction} onSort={() => onSort('name', sort.key === 'name' ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : null)} width="30%">
                {t('crm.customers.columns.name')}
              </SortableTh>
              <Table.Th>{t('crm.customers.columns.stage')}</Table.Th>
              <Table.Th>{t('crm.customers.columns.owner')}</Table.Th>
              <Table.Th>{t('crm.customers.columns.place')}</Table.Th>
              <Table.Th w={190}>{t('crm.customers.columns.tags')}</Table.Th>
              <CustomColumnHeaders columns={customColumns} sort={sort} onSort={onSort} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((customer) => {
              const where = place(customer.address);
              return (
                <Table.Tr key={customer.id}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <CustomerKindIcon kind={customer.kind} size={30} />
                      <Stack gap={0} miw={0}>
                        <Anchor component={Link} to={`/customers/${customer.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" truncate="end">
                          {customer.name}
                        </Anchor>
                        {(customer.domain ?? customer.email) && (
                          <Text fz="xs" c="dimmed" truncate="end">
                            {customer.domain ?? customer.email}
                          </Text>
                        )}
                      </Stack>
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <LifecycleBadge stage={customer.lifecycleStage} />
                  </Table.Td>
                  <Table.Td>
                    <Box maw={200}>
                      <AssigneeName assignee={customer.owner} />
                    </Box>
                  </Table.Td>
                  <Table.Td>{where ? <Text fz="sm">{where}</Text> : dash}</Table.Td>
                  <Table.Td>{customer.tags.length > 0 ? <TagList tags={customer.tags} max={3} /> : dash}</Table.Td>
                  <CustomColumnCells columns={customColumns} values={customer.customFields} />
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
