import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarClock } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSubjectType } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { optionalText, required } from '../../../lib/validators';
import { CustomerSelect } from '../customers/CustomerSelect';
import { AssigneeSelect } from './AssigneeSelect';
import { PersonSelect } from './PersonSelect';
import { fromLocalInput, NOBODY, NOTES_MAX, TITLE_MAX, type TaskFormValues } from './task-form';
import { deviceTimeZone } from '../../../lib/format';

interface TaskFormProps {
  initial: TaskFormValues;
  /** Name of the initial subject (person or customer), when known. */
  subjectName?: string | null;
  submitLabel: string;
  /** Saves; a thrown API error is shown on the field it names. */
  onSave: (values: TaskFormValues) => Promise<void>;
  onCancel: () => void;
  /** More actions at the left of the buttons (delete). */
  extra?: ReactNode;
}

/** The one form for adding and editing a task, shown in a dialog. */
export function TaskForm({ initial, subjectName, submitLabel, onSave, onCancel, extra }: TaskFormProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const subjectLabelId = useId();
  const [aboutType, setAboutType] = useState<TaskSubjectType>(initial.subjectType ?? 'CONTACT');
  const form = useForm<TaskFormValues>({
    initialValues: initial,
    validate: {
      title: required(t, TITLE_MAX),
      notes: optionalText(t, NOTES_MAX),
      dueAt: (value) => (value.trim() !== '' && fromLocalInput(value) === null ? t('crm.tasks.form.invalidDue') : null),
    },
  });

  async function submit(values: TaskFormValues) {
    setBusy(true);
    try {
      await onSave(values);
    } catch (error) {
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        <TextInput label={t('crm.tasks.fields.title')} placeholder={t('crm.tasks.form.titlePlaceholder')} required autoComplete="off" data-autofocus {...form.getInputProps('title')} />
        <Textarea label={t('crm.tasks.fields.notes')} autosize minRows={3} maxRows={10} {...form.getInputProps('notes')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <TextInput
            type="datetime-local"
            label={t('crm.tasks.fields.dueAt')}
            description={t('crm.tasks.form.dueHint', { zone: deviceTimeZone() ?? '' })}
            leftSection={<IconCalendarClock size={16} aria-hidden />}
            {...form.getInputProps('dueAt')}
          />
          <AssigneeSelect
            label={t('crm.tasks.fields.assignee')}
            nobodyValue={NOBODY}
            value={form.values.assigneeId}
            onChange={(value) => form.setFieldValue('assigneeId', value ?? NOBODY)}
            error={form.errors.assigneeId}
          />
        </SimpleGrid>
        <Stack gap={6} role="group" aria-labelledby={subjectLabelId}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text id={subjectLabelId} component="div" fz="sm" fw="var(--mantine-font-weight-medium)">
              {t('crm.tasks.fields.subject')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={t('crm.tasks.form.subjectKind')}
              value={aboutType}
              onChange={(next) => {
                if (next !== 'CONTACT' && next !== 'CUSTOMER') return;
                setAboutType(next);
                // Another kind of subject: the one chosen before no longer applies.
                if (form.values.subjectType !== next) form.setValues({ subjectType: null, subjectId: null });
              }}
              data={[
                { value: 'CONTACT', label: t('crm.tasks.subject.aboutPerson') },
                { value: 'CUSTOMER', label: t('crm.tasks.subject.aboutCustomer') },
              ]}
            />
          </Group>
          {aboutType === 'CUSTOMER' ? (
            <CustomerSelect
              label={t('crm.tasks.fields.customer')}
              description={t('crm.tasks.form.customerHint')}
              value={form.values.subjectType === 'CUSTOMER' ? form.values.subjectId : null}
              knownName={form.values.subjectId === initial.subjectId ? subjectName : null}
              onChange={(id) => form.setValues({ subjectType: id ? 'CUSTOMER' : null, subjectId: id })}
              error={form.errors.subjectId ?? form.errors.subjectType}
            />
          ) : (
            <PersonSelect
              label={t('crm.tasks.fields.person')}
              description={t('crm.tasks.form.personHint')}
              value={form.values.subjectType === 'CONTACT' ? form.values.subjectId : null}
              knownName={form.values.subjectId === initial.subjectId ? subjectName : null}
              onChange={(id) => form.setValues({ subjectType: id ? 'CONTACT' : null, subjectId: id })}
              error={form.errors.subjectId ?? form.errors.subjectType}
            />
          )}
        </Stack>
        <Group justify="space-between" gap="sm" mt="sm">
          <Group gap="sm">{extra}</Group>
          <Group gap="sm" ml="auto">
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
