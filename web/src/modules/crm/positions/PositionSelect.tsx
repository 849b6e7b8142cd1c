import { Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBriefcase, IconCrown, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { CREATE_POSITION, POSITION_NAME_MAX, POSITIONS } from './position.documents';

/** The option that adds what was typed to the directory. */
const CREATE = '__create-position__';

interface PositionSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  description?: ReactNode;
  error?: ReactNode;
}

/**
 * Picks a position from the company's directory; a name not in it yet can be added right here
 * ("Create position “Head of sales”"), without leaving the form.
 */
export function PositionSelect({ label, value, onChange, description, error }: PositionSelectProps) {
  const { t } = useTranslation();
  const can = useCan();
  const positions = useApiQuery(POSITIONS, {}, { staleTime: 30_000 });
  const create = useApiMutation(CREATE_POSITION, ['Positions']);
  const [search, setSearch] = useState('');
  // A position just created, shown until the directory is asked again.
  const [created, setCreated] = useState<{ id: string; name: string; decisionMaker: boolean } | null>(null);

  const list = positions.data?.positions ?? [];
  const all = created && !list.some((position) => position.id === created.id) ? [...list, created] : list;
  const decisionMakers = new Set(all.filter((position) => position.decisionMaker).map((position) => position.id));
  const typed = search.trim().replace(/\s+/g, ' ');
  const selectedName = all.find((position) => position.id === value)?.name;
  const offerCreate =
    can('CRM:write') && typed !== '' && typed.length <= POSITION_NAME_MAX && typed !== selectedName && !all.some((position) => position.name.toLowerCase() === typed.toLowerCase());
  const data = [
    ...all.map((position) => ({ value: position.id, label: position.name })),
    ...(offerCreate ? [{ value: CREATE, label: t('crm.positions.createOption', { name: typed }) }] : []),
  ];

  async function add(name: string) {
    try {
      const { createPosition } = await create.mutateAsync({ input: { name } });
      setCreated(createPosition);
      onChange(createPosition.id);
      notifications.show({ color: 'green', message: t('crm.positions.created', { name: createPosition.name }) });
    } catch (failure) {
      showApiError(t, failure);
    }
  }

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('crm.positions.pickerPlaceholder')}
      data={data}
      value={value}
      onChange={(next) => {
        if (next === CREATE) void add(typed);
        else onChange(next);
      }}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('crm.positions.clear'), 'aria-hidden': false, tabIndex: 0 }}
      onSearchChange={setSearch}
      nothingFoundMessage={positions.isFetching ? t('common.loading') : t('crm.positions.nothingFound')}
      renderOption={({ option }) =>
        option.value === CREATE ? (
          <Group gap={8} wrap="nowrap">
            <IconPlus size={16} aria-hidden />
            <Text fz="sm" fw={500}>
              {option.label}
            </Text>
          </Group>
        ) : (
          <Group gap={8} wrap="nowrap" justify="space-between" w="100%">
            <Text fz="sm">{option.label}</Text>
            {decisionMakers.has(option.value) && <IconCrown size={14} color="var(--mantine-color-yellow-7)" aria-label={t('crm.positions.decisionMaker')} />}
          </Group>
        )
      }
      leftSection={<IconBriefcase size={16} aria-hidden />}
      disabled={create.isPending}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
