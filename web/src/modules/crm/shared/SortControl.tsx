import { ActionIcon, Group, Select, Tooltip } from '@mantine/core';
import { IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';

interface SortControlProps {
  options: { value: string; label: string }[];
  value: string;
  direction: OrderDirection;
  onChange: (key: string, direction: OrderDirection | null) => void;
}

/** What a list is sorted by, and which way round. */
export function SortControl({ options, value, direction, onChange }: SortControlProps) {
  const { t } = useTranslation();
  const toggleLabel = direction === 'ASC' ? t('crm.list.sortedAscending') : t('crm.list.sortedDescending');
  return (
    <Group gap={6} align="flex-end" wrap="nowrap" style={{ flex: '1 1 11rem' }}>
      <Select
        label={t('crm.list.sortBy')}
        data={options}
        value={value}
        allowDeselect={false}
        onChange={(key) => key && onChange(key, null)}
        style={{ flex: 1 }}
      />
      <Tooltip label={toggleLabel}>
        <ActionIcon variant="default" size={36} aria-label={toggleLabel} onClick={() => onChange(value, direction === 'ASC' ? 'DESC' : 'ASC')}>
          {direction === 'ASC' ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
