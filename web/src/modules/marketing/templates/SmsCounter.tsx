import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { smsSegments } from '../../crm/messages/sms-segments';

/**
 * The parts a text is sent in (GSM-7, or UCS-2 once a character outside it appears) and the characters
 * left in the last one, counted by the API's own counter as the text is typed. Merge fields are
 * counted as written: a person's data makes the text longer or shorter (the preview counts it for them).
 */
export function SmsCounter({ text }: { text: string }) {
  const { t } = useTranslation();
  const count = smsSegments(text.trim());
  return (
    <Group justify="space-between" gap="xs" mt={4} wrap="nowrap">
      <Text size="xs" c={count.encoding === 'UCS-2' ? 'orange' : 'dimmed'}>
        {count.encoding === 'UCS-2' ? t('crm.messages.sms.unicode', { size: count.perSegment }) : t('marketing.templates.form.gsm')}
      </Text>
      <Text size="xs" c="dimmed" aria-live="polite" style={{ whiteSpace: 'nowrap' }} data-testid="sms-counter">
        {t('crm.messages.sms.counter', { count: count.segments, left: count.remaining })}
      </Text>
    </Group>
  );
}
