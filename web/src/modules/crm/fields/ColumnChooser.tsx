import { Badge, Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconColumns3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomColumns } from './custom-columns';

/** "Columns": adds or removes custom-field columns of a list; nothing while no field is defined. */
export function ColumnChooser({ columns }: { columns: CustomColumns }) {
  const { t } = useTranslation();
  if (columns.available.length === 0) return null;
  const shown = new Set(columns.columns.map((field) => field.key));
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconColumns3 size={16} aria-hidden />}
          rightSection={shown.size > 0 ? <Badge size="sm" circle>{shown.size}</Badge> : null}
        >
          {t('fields.columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={320}>
        <Stack gap="xs" role="group" aria-label={t('fields.columns.title')}>
          <Text fz="sm" fw={600}>
            {t('fields.columns.title')}
          </Text>
          <Text fz="xs" c="dimmed">
            {t('fields.columns.hint')}
          </Text>
          {columns.available.map((field) => (
            <Checkbox key={field.key} label={field.label} checked={shown.has(field.key)} onChange={() => columns.toggle(field.key)} />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
