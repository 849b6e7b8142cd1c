import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarTime } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { usePhone } from '../../../lib/use-phone';
import { deviceZone } from '../shared/time-zones';
import { TimeZoneSelect } from '../shared/TimeZoneSelect';
import { useZonedFormat } from '../shared/use-zoned-format';
import { instantOf } from '../shared/zoned-time';
import { SCHEDULE_FORM_FIELDS, scheduleValues, validateSchedule, type ScheduleFormValues } from './schedule-form';

interface ScheduleModalProps {
  opened: boolean;
  onClose: () => void;
  /** The campaign's current send time and zone, if it has them. */
  current: { sendAt?: string | null; timeZone?: string | null };
  /** When an A/B test's winner goes out (the start must come before it); null without a test. */
  winnerAt?: string | null;
  /** Schedules at the instant chosen; a thrown API error is shown on the field it names. */
  onSchedule: (when: { sendAt: string; timeZone: string }) => Promise<void>;
}

/** "Schedule": a date and time on the clock of a zone (this device's by default), and what that is here. */
export function ScheduleModal({ opened, onClose, current, winnerAt = null, onSchedule }: ScheduleModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={t('marketing.schedule.title')} fullScreen={phone} size="md">
      {opened && <ScheduleForm current={current} winnerAt={winnerAt} onClose={onClose} onSchedule={onSchedule} />}
    </Modal>
  );
}

function ScheduleForm({ current, winnerAt, onClose, onSchedule }: Omit<ScheduleModalProps, 'opened'>) {
  const { t } = useTranslation();
  const zoned = useZonedFormat();
  const device = deviceZone();
  const [busy, setBusy] = useState(false);
  const form = useForm<ScheduleFormValues>({
    initialValues: scheduleValues(current, device),
    validate: (values) => validateSchedule(t, values, new Date(), winnerAt ? { at: winnerAt, format: zoned } : null),
  });
  const instant = instantOf(form.values.local, form.values.zone);

  async function submit(values: ScheduleFormValues) {
    const sendAt = instantOf(values.local, values.zone);
    if (sendAt === null) return;
    setBusy(true);
    try {
      await onSchedule({ sendAt, timeZone: values.zone });
    } catch (error) {
      showApiError(t, error, form, SCHEDULE_FORM_FIELDS);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={t('marketing.schedule.title')}>
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {t('marketing.schedule.intro')}
        </Text>
        <TextInput type="datetime-local" label={t('marketing.schedule.sendAt')} required data-autofocus leftSection={<IconCalendarTime size={16} aria-hidden />} {...form.getInputProps('local')} />
        <TimeZoneSelect
          label={t('marketing.schedule.timeZone')}
          description={t('marketing.schedule.timeZoneHint')}
          value={form.values.zone}
          onChange={(zone) => form.setFieldValue('zone', zone)}
          error={form.errors.zone}
        />
        {instant && form.values.zone !== device && (
          <Text fz="sm" aria-live="polite">
            {t('marketing.schedule.yourTime', { time: zoned(instant, device) })}
          </Text>
        )}
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} leftSection={<IconCalendarTime size={16} aria-hidden />}>
            {t('marketing.schedule.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
