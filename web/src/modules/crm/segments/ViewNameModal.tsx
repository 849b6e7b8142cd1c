import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { required } from '../../../lib/validators';
import { SEGMENT_NAME_MAX } from './segment-input';

interface ViewNameModalProps {
  title: string;
  /** A sentence on what is saved. */
  description?: string;
  initialName?: string;
  submitLabel: string;
  onClose: () => void;
  /** Saves; a thrown API error shows on the name. */
  onSave: (name: string) => Promise<void>;
}

/** Names a view: saving the list's filters as one, or renaming one. */
export function ViewNameModal({ title, description, initialName = '', submitLabel, onClose, onSave }: ViewNameModalProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { name: initialName }, validate: { name: required(t, SEGMENT_NAME_MAX) } });

  async function submit(values: { name: string }) {
    setBusy(true);
    try {
      await onSave(values.name.trim());
      onClose();
    } catch (error) {
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={title}>
        <Stack>
          {description && <Text fz="sm">{description}</Text>}
          <TextInput label={t('segments.fields.name')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
