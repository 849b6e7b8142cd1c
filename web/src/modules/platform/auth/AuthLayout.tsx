import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSelect } from '../../../components/LanguageSelect';
import { switchLanguage } from '../../../i18n';

/** The frame of the signed-out pages: the brand, the language, one card. */
export function AuthLayout() {
  const { t, i18n } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-light)" py="xl" px="md">
      <Group justify="flex-end" maw={480} mx="auto" mb="md">
        <LanguageSelect aria-label={t('auth.language')} leftSection={<IconLanguage size={16} aria-hidden />} value={i18n.language} onChange={(code) => code && switchLanguage(code)} w={190} />
      </Group>
      <Center>
        <Stack w="100%" maw={480} gap="md">
          <Text ta="center" fw={800} fz={28} c="blue.7">
            Kontor
          </Text>
          <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
            <Outlet />
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
