import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <Title order={1}>{t('shell.notFound.title')}</Title>
      <Text>{t('shell.notFound.body')}</Text>
      <Button component={Link} to="/">
        {t('shell.notFound.home')}
      </Button>
    </Stack>
  );
}
