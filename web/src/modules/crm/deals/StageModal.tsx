import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { ROTTING_DAYS_MAX, stageInput, validateStage, type StageFormValues } from './pipeline-form';

interface StageModalProps {
  /** The stage edited, or null for a new one; the dialog is closed while `opened` is false. */
  stage: { name: string; probability: number; rottingDays: number | null } | null;
  opened: boolean;
  onClose: () => void;
  onSave: (input: { name: string; probability: number; rottingDays: number | null }) => Promise<void>;
}

/** A stage's name, its default chance of winning and after how many idle days its deals rot. */
export function StageModal({ stage, opened, onClose, onSave }: StageModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={stage ? t('deals.pipelines.stage.editTitle', { name: stage.name }) : t('deals.pipelines.stage.newTitle')} centered>
      <StageForm stage={stage} onCancel={onClose} onSave={onSave} />
    </Modal>
  );
}

function StageForm({ stage, onCancel, onSave }: Omit<StageModalProps, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<StageFormValues>({
    initialValues: { name: stage?.name ?? '', probability: stage?.probability ?? 50, rottingDays: stage?.rottingDays ?? '' },
    validate: (values) => validateStage(t, values),
  });

  async function submit(values: StageFormValues) {
    setBusy(true);
    try {
      await onSave(stageInput(values));
    } catch (error) {
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <TextInput label={t('deals.pipelines.stage.name')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <NumberInput
            label={t('deals.pipelines.stage.probability')}
            description={t('deals.pipelines.stage.probabilityHint')}
            required
            min={0}
            max={100}
            suffix=" %"
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('probability')}
          />
          <NumberInput
            label={t('deals.pipelines.stage.rottingDays')}
            description={t('deals.pipelines.stage.rottingHint')}
            placeholder={t('deals.pipelines.stage.rottingNever')}
            min={1}
            max={ROTTING_DAYS_MAX}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('rottingDays')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {stage ? t('common.save') : t('deals.pipelines.stage.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
