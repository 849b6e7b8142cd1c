import { Button, Group, PasswordInput, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../lib/api-error';
import { showApiError } from '../../../../lib/form-errors';
import { useApiMutation } from '../../../../lib/use-api';
import { newPassword, PASSWORD_MIN } from '../../../../lib/validators';
import { wordedReason } from '../api-reason';
import { CHANGE_PASSWORD } from './profile.documents';

/** A new password; the API ends the person's other sessions, so the list below refreshes. */
export function PasswordForm() {
  const { t } = useTranslation();
  const change = useApiMutation(CHANGE_PASSWORD, ['SettingsSessions']);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (value) => (value === '' ? t('errors.reason.REQUIRED') : null),
      newPassword: newPassword(t),
      repeat: (value, values) => (value === values.newPassword ? null : t('settings.profile.passwordMismatch')),
    },
  });

  function submit(values: typeof form.values) {
    change.mutate(
      { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: t('settings.profile.passwordChanged') });
        },
        onError: (error) => {
          // The API's reason (WRONG_PASSWORD, TOO_SHORT…) lands on the field it names. Without one,
          // a refused current password can only be a wrong one.
          if (error instanceof ApiError && error.field === 'currentPassword' && error.code === 'BAD_USER_INPUT' && !wordedReason(t, error)) {
            form.setFieldError('currentPassword', t('errors.reason.WRONG_PASSWORD'));
          } else showApiError(t, error, form);
        },
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('settings.profile.passwordTitle')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PasswordInput label={t('settings.profile.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'end' }}>
          <PasswordInput
            label={t('settings.profile.newPassword')}
            description={t('settings.profile.passwordHint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput label={t('settings.profile.repeatPassword')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            {t('settings.profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
