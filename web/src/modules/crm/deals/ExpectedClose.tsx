import { Group, Text, Tooltip } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { today, useDayFormat } from './use-day-format';

/** When a deal is expected to close; red once that day has passed while it is still open. */
export function ExpectedClose({ day, open = true }: { day: string | null | undefined; open?: boolean }) {
  const { t } = useTranslation();
  const formatDay = useDayFormat();
  if (!day) return null;
  const late = open && day < today();
  const label = late ? t('deals.expectedClose.late', { day: formatDay(day) }) : t('deals.expectedClose.on', { day: formatDay(day) });
  return (
    <Tooltip label={label} withArrow>
      <Group gap={4} wrap="nowrap" c={late ? 'red.7' : 'dimmed'} aria-label={label} role="img">
        <IconCalendarEvent size={14} aria-hidden />
        <Text fz="xs" fw={late ? 600 : undefined} span style={{ whiteSpace: 'nowrap' }}>
          {formatDay(day)}
        </Text>
      </Group>
    </Tooltip>
  );
}
