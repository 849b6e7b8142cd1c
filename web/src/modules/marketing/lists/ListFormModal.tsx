import { Button, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api-error';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { CREATE_SUBSCRIPTION_LIST, LIST_QUERIES, UPDATE_SUBSCRIPTION_LIST } from './list.documents';
import { createListInput, emptyList, updateListInput, validateList, type ListFormValues } from './list-form';

interface ListFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The list being changed; none: a new one, opened once saved. */
  list?: { id: string } & ListFormValues;
}

/** Creates or changes a list: its name (unique in the company, people see it in their preferences), description and double opt-in. */
export function ListFormModal({ opened, onClose, list }: ListFormModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={list ? t('subscriptions.lists.editTitle', { name: list.name }) : t('subscriptions.lists.newTitle')} size="lg" fullScreen={phone}>
      <ListForm list={list} onClose={onClose} />
    </Modal>
  );
}

function ListForm({ list, onClose }: Omit<ListFormModalProps, 'opened'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useApiMutation(CREATE_SUBSCRIPTION_LIST, LIST_QUERIES);
  const update = useApiMutation(UPDATE_SUBSCRIPTION_LIST, LIST_QUERIES);
  const form = useForm<ListFormValues>({ initialValues: list ? { name: list.name, description: list.description, doubleOptIn: list.doubleOptIn } : emptyList(), validate: (values) => validateList(t, values) });

  async function submit(values: ListFormValues) {
    try {
      if (list) {
        await update.mutateAsync({ input: updateListInput(list.id, values) });
        notifications.show({ color: 'green', message: t('subscriptions.lists.saved') });
        onClose();
        return;
      }
      const { createSubscriptionList } = await create.mutateAsync({ input: createListInput(values) });
      notifications.show({ color: 'green', message: t('subscriptions.lists.created', { name: createSubscriptionList.name }) });
      onClose();
      navigate(`/campaigns/lists/${createSubscriptionList.id}`);
    } catch (error) {
      // The platform's words for ALREADY_EXISTS are about accounts: a list's name says its own.
      if (error instanceof ApiError && error.problems[0]?.reason === 'ALREADY_EXISTS') form.setFieldError('name', t('subscriptions.lists.nameTaken'));
      else showApiError(t, error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={t('subscriptions.lists.formLabel')}>
      <Stack gap="md">
        <TextInput label={t('subscriptions.lists.fields.name')} description={t('subscriptions.lists.fields.nameHint')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label={t('subscriptions.lists.fields.description')}
          description={t('subscriptions.lists.fields.descriptionHint')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('description')}
        />
        <Switch
          label={t('subscriptions.lists.fields.doubleOptIn')}
          description={t('subscriptions.lists.fields.doubleOptInHint')}
          {...form.getInputProps('doubleOptIn', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={create.isPending || update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {list ? t('common.save') : t('subscriptions.lists.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
