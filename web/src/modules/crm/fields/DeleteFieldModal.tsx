import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useSwitchedOn } from '../../../lib/viewer';
import { SEGMENT_FILTERS } from '../segments/segment.documents';
import { usesCustomField } from '../segments/segment-filter';
import { CUSTOM_FIELD_QUERIES, DELETE_CUSTOM_FIELD } from './custom-field.documents';
import type { CustomFieldDef } from './custom-values';

/**
 * Asks before deleting a field and its values. A field that saved views filter by cannot go (the API
 * answers IN_USE): the views are named, before and after trying.
 */
export function DeleteFieldModal({ field, onClose }: { field: CustomFieldDef; onClose: () => void }) {
  const { t } = useTranslation();
  const on = useSwitchedOn();
  const segmentsOn = on('CRM.segments');
  const segments = useApiQuery(SEGMENT_FILTERS, {}, { enabled: segmentsOn });
  const remove = useApiMutation(DELETE_CUSTOM_FIELD, CUSTOM_FIELD_QUERIES);
  const [refusal, setRefusal] = useState<string | null>(null);
  const using = (segments.data?.segments ?? []).filter((segment) => usesCustomField(segment.filter, field.key));

  async function confirm() {
    try {
      await remove.mutateAsync({ input: { id: field.id } });
      notifications.show({ color: 'green', message: t('fields.deleted', { label: field.label }) });
      onClose();
    } catch (error) {
      const inUse = error instanceof ApiError && error.problems.some((problem) => problem.reason === 'IN_USE');
      setRefusal(inUse ? t('fields.delete.inUse', { label: field.label }) : errorMessage(t, error));
      if (inUse) void segments.refetch();
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('fields.delete.title', { label: field.label })} centered>
      <Stack>
        <Text fz="sm">{t('fields.delete.body')}</Text>
        {(using.length > 0 || refusal) && (
          <Alert color={using.length > 0 ? 'orange' : 'red'} variant="light" icon={<IconAlertTriangle />} role="alert">
            <Stack gap={6}>
              <Text fz="sm">{refusal ?? t('fields.delete.inUse', { label: field.label })}</Text>
              {using.length > 0 && (
                <List size="sm" aria-label={t('fields.delete.views')}>
                  {using.map((segment) => (
                    <List.Item key={segment.id}>{segment.name}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={remove.isPending}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => void confirm()} loading={remove.isPending} disabled={using.length > 0}>
            {t('fields.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
