import { Box, Group, NavLink, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { usePhone } from '../../../lib/use-phone';
import { useSettingsSections } from './use-settings-sections';

/** The frame of every settings page: a list of sections beside the page, or a picker above it on phones. */
export function SettingsLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const phone = usePhone();
  const sections = useSettingsSections();
  const current = sections.find((section) => location.pathname.startsWith(section.path));

  if (phone) {
    return (
      <Stack gap="lg">
        <Select
          label={t('settings.sectionPicker')}
          placeholder={t('settings.sectionPlaceholder')}
          data={sections.map((section) => ({ value: section.path, label: t(section.label ?? `settings.sections.${section.key}`) }))}
          value={current?.path ?? null}
          onChange={(path) => path && navigate(path)}
          allowDeselect={false}
          leftSection={current ? <current.icon size={18} /> : undefined}
        />
        <Box>{children}</Box>
      </Stack>
    );
  }

  return (
    <Group align="flex-start" wrap="nowrap" gap="xl">
      <Box component="nav" aria-label={t('settings.title')} w={220} style={{ flexShrink: 0 }}>
        <Text fz="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb="xs">
          {t('settings.title')}
        </Text>
        {sections.map((section) => (
          <NavLink
            key={section.key}
            component={Link}
            to={section.path}
            label={t(section.label ?? `settings.sections.${section.key}`)}
            leftSection={<section.icon size={18} />}
            active={section.path === current?.path}
            aria-current={section.path === current?.path ? 'page' : undefined}
          />
        ))}
      </Box>
      <Box flex={1} miw={0} maw={1040}>
        {children}
      </Box>
    </Group>
  );
}
