import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../gql/graphql';
import { ApiError } from '../../../../lib/api-error';
import { showApiError } from '../../../../lib/form-errors';
import { useApiMutation } from '../../../../lib/use-api';
import { email } from '../../../../lib/validators';
import { wordedReason } from '../api-reason';
import { INVITE_USER } from './users.documents';

/** Emails an invitation to join the company with a role. */
export function InviteForm({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const invite = useApiMutation(INVITE_USER, ['SettingsInvitations']);
  const form = useForm({
    initialValues: { email: '', role: 'AGENT' as string },
    validate: { email: email(t), role: (value) => (roles.some((role) => role === value) ? null : t('errors.reason.REQUIRED')) },
  });

  function submit(values: typeof form.values) {
    const role = roles.find((candidate) => candidate === values.role);
    if (!role) return;
    const address = values.email.trim();
    invite.mutate(
      { input: { email: address, role } },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: t('settings.users.invited', { email: address }) });
        },
        onError: (error) => {
          // The API's reason (such as ALREADY_MEMBER) lands on the field it names. Without one, the
          // only conflict of an invitation is an address that already belongs to a member.
          if (error instanceof ApiError && error.code === 'CONFLICT' && !wordedReason(t, error)) form.setFieldError('email', t('errors.reason.ALREADY_MEMBER'));
          else showApiError(t, error, form);
        },
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('settings.users.inviteTitle')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('settings.users.email')} type="email" autoComplete="off" required placeholder={t('settings.users.emailPlaceholder')} {...form.getInputProps('email')} />
          <Select label={t('settings.users.role')} data={roles.map((value) => ({ value, label: t(`roles.${value}`) }))} allowDeselect={false} required {...form.getInputProps('role')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={invite.isPending}>
            {t('settings.users.inviteAction')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
