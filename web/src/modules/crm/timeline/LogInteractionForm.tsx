import { Button, Group, NumberInput, Radio, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarClock, IconClock, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionKind, LogInteractionInput } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { toLocalInput } from '../tasks/task-form';
import {
  DIRECTIONS,
  DURATION_MAX_MINUTES,
  emptyInteraction,
  hasDirection,
  hasDuration,
  hasOutcome,
  hasSubject,
  isDirection,
  isOutcome,
  logInteractionInput,
  OUTCOMES,
  validateInteraction,
  type HistorySubject,
  type InteractionFormValues,
} from './interaction-form';
import { KindPicker } from './KindPicker';
import { deviceTimeZone } from '../../../lib/format';

/** A person the interaction can be with (on a customer's page: its people). */
export interface PersonOption {
  id: string;
  name: string;
}

interface LogInteractionFormProps {
  initialKind: InteractionKind;
  /** Whose history it goes into. */
  subject: HistorySubject;
  /** On a customer's page: its people, one of whom it may have been with. */
  people?: PersonOption[];
  /** Saves; a thrown API error is shown on the field it names. */
  onSave: (input: LogInteractionInput) => Promise<void>;
  onCancel: () => void;
  /** The kind was changed in the picker (the dialog's title follows). */
  onKindChange?: (kind: InteractionKind) => void;
}

/** Logs a call, meeting, email, SMS or note: only the fields its kind has are shown and sent. */
export function LogInteractionForm({ initialKind, subject, people = [], onSave, onCancel, onKindChange }: LogInteractionFormProps) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<InteractionFormValues>({
    initialValues: emptyInteraction(initialKind),
    validate: (values) => validateInteraction(t, values),
  });
  const { kind } = form.values;

  async function submit(values: InteractionFormValues) {
    setBusy(true);
    try {
      await onSave(logInteractionInput(values, subject, form.getInitialValues().occurredAt));
    } catch (error) {
      showApiError(t, error, form, { durationSeconds: 'durationMinutes' });
    } finally {
      setBusy(false);
    }
  }

  function pickKind(next: InteractionKind) {
    form.setFieldValue('kind', next);
    // Errors of fields the new kind does not have (or checks differently) no longer apply.
    form.clearErrors();
    onKindChange?.(next);
  }

  const personOptions = [...people].sort((a, b) => a.name.localeCompare(b.name, i18n.language)).map((person) => ({ value: person.id, label: person.name }));
  const note = kind === 'NOTE';

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <KindPicker value={kind} onChange={pickKind} autoFocus={initialKind !== 'NOTE'} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          {hasDirection(kind) && (
            <Radio.Group
              label={t('crm.interactions.fields.direction')}
              required
              value={form.values.direction}
              onChange={(value) => form.setFieldValue('direction', isDirection(value) ? value : '')}
              error={form.errors.direction}
            >
              <Group gap="lg" mt={8}>
                {DIRECTIONS.map((direction) => (
                  <Radio key={direction} value={direction} label={t(`crm.interactions.direction.${direction}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
          <TextInput
            type="datetime-local"
            label={t('crm.interactions.fields.occurredAt')}
            description={t('crm.interactions.form.whenHint', { zone: deviceTimeZone() ?? '' })}
            required
            max={toLocalInput(new Date().toISOString())}
            leftSection={<IconCalendarClock size={16} aria-hidden />}
            {...form.getInputProps('occurredAt')}
          />
          {hasDuration(kind) && (
            <NumberInput
              label={t('crm.interactions.fields.durationMinutes')}
              min={0}
              max={DURATION_MAX_MINUTES}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              hideControls
              inputMode="numeric"
              leftSection={<IconClock size={16} aria-hidden />}
              {...form.getInputProps('durationMinutes')}
            />
          )}
          {hasOutcome(kind) && (
            <Select
              label={t('crm.interactions.fields.outcome')}
              placeholder={t('crm.interactions.form.outcomePlaceholder')}
              data={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`crm.interactions.outcome.${outcome}`) }))}
              value={form.values.outcome}
              onChange={(value) => form.setFieldValue('outcome', isOutcome(value) ? value : null)}
              clearable
              clearButtonProps={{ 'aria-label': t('crm.interactions.form.clearOutcome'), 'aria-hidden': false, tabIndex: 0 }}
              error={form.errors.outcome}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </SimpleGrid>
        {personOptions.length > 0 && (
          <Select
            label={t('crm.interactions.fields.person')}
            description={t('crm.interactions.form.personHint')}
            placeholder={t('crm.interactions.form.personPlaceholder')}
            data={personOptions}
            value={form.values.contactId}
            onChange={(value) => form.setFieldValue('contactId', value)}
            searchable={personOptions.length > 8}
            clearable
            clearButtonProps={{ 'aria-label': t('crm.interactions.form.clearPerson'), 'aria-hidden': false, tabIndex: 0 }}
            nothingFoundMessage={t('crm.interactions.form.noPerson')}
            leftSection={<IconUser size={16} aria-hidden />}
            error={form.errors.contactId}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {hasSubject(kind) && (
          <TextInput label={t('crm.interactions.fields.subject')} placeholder={t(`crm.interactions.form.subjectPlaceholder.${kind}`)} autoComplete="off" {...form.getInputProps('subject')} />
        )}
        <Textarea
          label={note ? t('crm.interactions.fields.note') : t('crm.interactions.fields.body')}
          placeholder={t(`crm.interactions.form.bodyPlaceholder.${kind}`)}
          required={note}
          data-autofocus={initialKind === 'NOTE' || undefined}
          autosize
          minRows={note ? 4 : 3}
          maxRows={12}
          {...form.getInputProps('body')}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('crm.interactions.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
