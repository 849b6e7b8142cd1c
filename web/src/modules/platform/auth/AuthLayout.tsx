import { Box, Center, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { switchLanguage } from '../../../i18n';
import { LANGUAGES } from '../../../i18n/languages';

/** The frame of the signed-out pages: the brand, the language, one card. */
export function AuthLayout() {
  const { t, i18n } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-light)" py="xl" px="md">
      <Group justify="flex-end" maw={480} mx="auto" mb="md">
        <Select
          aria-label={t('auth.language')}
          leftSection={<IconLanguage size={16} />}
          data={LANGUAGES.map((language) => ({ value: language.code, label: language.name }))}
          value={i18n.language}
          onChange={(code) => code && switchLanguage(code)}
          allowDeselect={false}
          w={190}
        />
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
