import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { DELETE_PIPELINE_STAGE, PIPELINE_QUERIES } from './deal.documents';

interface DeleteStageModalProps {
  stage: { id: string; name: string } | null;
  /** The other stages of its pipeline, which can take its deals. */
  others: { id: string; name: string }[];
  onClose: () => void;
}

/**
 * Deletes a stage. One that holds deals (open or closed) needs another stage to take them: the
 * dialog asks for it when the API says so, or at once when the stage is known to hold some.
 */
export function DeleteStageModal({ stage, others, onClose }: DeleteStageModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={stage !== null} onClose={onClose} title={stage ? t('deals.pipelines.stage.deleteTitle', { name: stage.name }) : ''} centered>
      {stage && <DeleteStageForm stage={stage} others={others} onClose={onClose} />}
    </Modal>
  );
}

function DeleteStageForm({ stage, others, onClose }: { stage: { id: string; name: string }; others: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useApiMutation(DELETE_PIPELINE_STAGE, PIPELINE_QUERIES);
  const [target, setTarget] = useState<string | null>(null);
  const [holding, setHolding] = useState<number | null>(null);
  const [targetError, setTargetError] = useState<string | null>(null);

  async function confirm() {
    if (holding !== null && !target) {
      setTargetError(t('errors.reason.REQUIRED'));
      return;
    }
    try {
      await remove.mutateAsync({ input: target ? { id: stage.id, moveDealsToStageId: target } : { id: stage.id } });
      notifications.show({ color: 'green', message: t('deals.pipelines.stage.deleted', { name: stage.name }) });
      onClose();
    } catch (error) {
      const reason = error instanceof ApiError ? error.problems[0]?.reason : undefined;
      if (reason === 'HAS_DEALS') {
        const count = error instanceof ApiError ? Number(error.problems[0]?.params?.count ?? 1) : 1;
        setHolding(count);
        setTargetError(others.length > 0 ? t('errors.reason.REQUIRED') : null);
        return;
      }
      showApiError(t, error);
    }
  }

  return (
    <Stack gap="md">
      <Text fz="sm">{t('deals.pipelines.stage.deleteBody')}</Text>
      {holding !== null && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
          {others.length > 0 ? t('deals.pipelines.stage.holdsDeals', { count: holding }) : t('deals.pipelines.stage.holdsDealsNoOther', { count: holding })}
        </Alert>
      )}
      {others.length > 0 && (
        <Select
          label={t('deals.pipelines.stage.moveDealsTo')}
          description={holding === null ? t('deals.pipelines.stage.moveDealsHint') : undefined}
          placeholder={t('deals.pipelines.stage.moveDealsPlaceholder')}
          data={others.map((other) => ({ value: other.id, label: other.name }))}
          value={target}
          onChange={(value) => {
            setTarget(value);
            setTargetError(null);
          }}
          required={holding !== null}
          clearable
          clearButtonProps={{ 'aria-label': t('deals.pipelines.stage.clearTarget'), 'aria-hidden': false, tabIndex: 0 }}
          error={targetError}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={remove.isPending}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={() => void confirm()} loading={remove.isPending} disabled={holding !== null && others.length === 0}>
          {target ? t('deals.pipelines.stage.deleteAndMove') : t('deals.pipelines.stage.deleteConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}
