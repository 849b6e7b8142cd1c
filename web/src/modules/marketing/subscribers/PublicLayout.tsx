import { Box, Group, Paper, Stack } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { switchLanguage } from '../../../i18n';

/**
 * The frame of the pages a message's recipient opens (unsubscribe, preferences, confirmation): no
 * sign-in, no app around it, the browser's language with a way to change it, one card that fits a phone.
 */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-light)" py={{ base: 'md', sm: 'xl' }} px={{ base: 'xs', sm: 'md' }}>
      <Stack w="100%" maw={560} mx="auto" gap="md">
        <Group justify="flex-end">
          <LanguageSelect aria-label={t('auth.language')} leftSection={<IconLanguage size={16} aria-hidden />} value={i18n.language} onChange={(code) => code && switchLanguage(code)} w={190} />
        </Group>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" component="main">
          {children}
        </Paper>
      </Stack>
    </Box>
  );
}
