import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Cancel and save at the bottom of a form. */
export function FormActions({ cancelTo, submitLabel, busy }: { cancelTo: string; submitLabel: string; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="lg">
      <Button component={Link} to={cancelTo} variant="default">
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Group>
  );
}
