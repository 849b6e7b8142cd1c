import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { required } from '../../../lib/validators';
import { NAME_MAX } from './pipeline-form';

interface PipelineNameModalProps {
  /** The pipeline renamed, or null for a new one. */
  pipeline: { name: string } | null;
  opened: boolean;
  onClose: () => void;
  onSave: (name: string) => Promise<void>;
}

/** A new pipeline's name, or a new name for one. */
export function PipelineNameModal({ pipeline, opened, onClose, onSave }: PipelineNameModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={pipeline ? t('deals.pipelines.renameTitle', { name: pipeline.name }) : t('deals.pipelines.newTitle')} centered>
      <NameForm initial={pipeline?.name ?? ''} creating={pipeline === null} onCancel={onClose} onSave={onSave} />
    </Modal>
  );
}

function NameForm({ initial, creating, onCancel, onSave }: { initial: string; creating: boolean; onCancel: () => void; onSave: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { name: initial }, validate: { name: required(t, NAME_MAX) } });

  async function submit({ name }: { name: string }) {
    setBusy(true);
    try {
      await onSave(name.trim());
    } catch (error) {
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('deals.pipelines.name')}
          description={creating ? t('deals.pipelines.nameHint') : undefined}
          required
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {creating ? t('deals.pipelines.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
