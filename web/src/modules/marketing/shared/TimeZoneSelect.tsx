import { Select } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';
import { zoneOptions } from './time-zones';

interface TimeZoneSelectProps {
  label: string;
  description?: ReactNode;
  value: string;
  onChange: (zone: string) => void;
  error?: ReactNode;
}

/** Any IANA zone under its current name (Europe/Kyiv, not Kiev), found by its name or today's offset. */
export function TimeZoneSelect({ label, description, value, onChange, error }: TimeZoneSelectProps) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const data = useMemo(() => zoneOptions(locale, value), [locale, value]);
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('marketing.schedule.noZone')}
      leftSection={<IconWorld size={16} aria-hidden />}
      error={error}
      limit={200}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
