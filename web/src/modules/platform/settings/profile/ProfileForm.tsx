import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../../../components/LanguageSelect';
import type { UpdateProfileInput } from '../../../../gql/graphql';
import { switchLanguage } from '../../../../i18n';
import { showApiError } from '../../../../lib/form-errors';
import { useApiMutation } from '../../../../lib/use-api';
import { required } from '../../../../lib/validators';
import { UPDATE_PROFILE } from './profile.documents';

/** The person's own name and interface language. */
export function ProfileForm({ name, locale }: { name: string | null; locale: string }) {
  const { t } = useTranslation();
  const save = useApiMutation(UPDATE_PROFILE, ['Viewer', 'SettingsMembers']);
  const form = useForm({
    initialValues: { name: name ?? '', locale },
    validate: {
      // A name, once given, cannot be emptied; never having had one, it may stay empty.
      name: (value) => (name === null && value.trim() === '' ? null : required(t)(value)),
      locale: (value) => (value ? null : t('errors.reason.INVALID_LANGUAGE')),
    },
  });

  function submit(values: typeof form.values) {
    const input: UpdateProfileInput = {};
    const trimmed = values.name.trim();
    if (trimmed !== (name ?? '') && trimmed !== '') input.name = trimmed;
    if (values.locale !== locale) input.locale = values.locale;
    save.mutate(
      { input },
      {
        onSuccess: ({ updateProfile }) => {
          switchLanguage(updateProfile.locale);
          // Said in the language just chosen.
          notifications.show({ color: 'green', message: t('settings.profile.saved', { lng: updateProfile.locale }) });
        },
        onError: (error) => showApiError(t, error, form),
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('settings.profile.detailsTitle')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('settings.profile.name')} autoComplete="name" {...form.getInputProps('name')} />
          <LanguageSelect label={t('settings.profile.language')} required {...form.getInputProps('locale')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
