import { Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarEvent, IconCoin, IconMapPin } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { currencyOptions } from '../../platform/settings/company/company-options';
import { EVENT_FORM_FIELDS, validateEvent, type EventFormValues } from './event-form';
import { EVENT_KINDS, isEventKind } from './events-view';

interface EventFormProps {
  initial: EventFormValues;
  submitLabel: string;
  /** Saves; a thrown API error is shown on the field it names. */
  onSave: (values: EventFormValues) => Promise<void>;
  onCancel: () => void;
}

/** The one form for adding and editing a marketing event: what, when, where, what it cost. */
export function EventForm({ initial, submitLabel, onSave, onCancel }: EventFormProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<EventFormValues>({ initialValues: initial, validate: (values) => validateEvent(t, values) });
  const currencies = useMemo(() => currencyOptions(i18n.language, initial.currency), [i18n.language, initial.currency]);

  async function submit(values: EventFormValues) {
    setBusy(true);
    try {
      await onSave(values);
    } catch (error) {
      showApiError(t, error, form, EVENT_FORM_FIELDS);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        <TextInput label={t('events.fields.name')} placeholder={t('events.form.namePlaceholder')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <Select
            label={t('events.fields.kind')}
            required
            data={EVENT_KINDS.map((kind) => ({ value: kind, label: t(`events.kind.${kind}`) }))}
            value={form.values.kind}
            onChange={(value) => isEventKind(value) && form.setFieldValue('kind', value)}
            allowDeselect={false}
            error={form.errors.kind}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label={t('events.fields.location')} placeholder={t('events.form.locationPlaceholder')} autoComplete="off" leftSection={<IconMapPin size={16} aria-hidden />} {...form.getInputProps('location')} />
          <TextInput type="date" label={t('events.fields.startsOn')} required leftSection={<IconCalendarEvent size={16} aria-hidden />} {...form.getInputProps('startsOn')} />
          <TextInput
            type="date"
            label={t('events.fields.endsOn')}
            description={t('events.form.endsOnHint')}
            min={form.values.startsOn || undefined}
            leftSection={<IconCalendarEvent size={16} aria-hidden />}
            {...form.getInputProps('endsOn')}
          />
          <TextInput
            label={t('events.fields.cost')}
            description={t('events.form.costHint')}
            placeholder={t('events.form.costPlaceholder')}
            inputMode="decimal"
            autoComplete="off"
            leftSection={<IconCoin size={16} aria-hidden />}
            {...form.getInputProps('amount')}
          />
          <Select
            label={t('events.fields.currency')}
            description={t('events.form.currencyHint')}
            data={currencies}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('events.form.noCurrency')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('currency')}
          />
        </SimpleGrid>
        <Textarea label={t('events.fields.notes')} autosize minRows={3} maxRows={10} {...form.getInputProps('notes')} />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
