import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowUp, IconMail, IconPhone, IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { emailRow, isPointType, MAX_POINTS, phoneRow, POINT_TYPES, type ContactFormValues } from './contact-form';

interface ContactPointsFieldProps {
  /** Which list: the person's email addresses or phone numbers. */
  kind: 'emails' | 'phones';
  form: UseFormReturnType<ContactFormValues>;
}

/**
 * Several email addresses (or phone numbers), each with its type: rows to add, remove and move to
 * the top. The first row is the main one, the one campaigns and the lists use.
 */
export function ContactPointsField({ kind, form }: ContactPointsFieldProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const emails = kind === 'emails';
  const count = emails ? form.values.emails.length : form.values.phones.length;
  const keys = emails ? form.values.emails.map((row) => row.key) : form.values.phones.map((row) => row.key);
  const valueField = emails ? 'address' : 'number';
  const word = (key: string, index: number) => t(`crm.people.points.${kind}.${key}`, { number: index + 1 });
  const Icon = emails ? IconMail : IconPhone;

  function add() {
    if (emails) form.insertListItem('emails', emailRow());
    else form.insertListItem('phones', phoneRow());
  }

  function remove(index: number) {
    // The last row empties instead of leaving no box to type in.
    if (count === 1) {
      if (emails) form.setFieldValue('emails', [emailRow()]);
      else form.setFieldValue('phones', [phoneRow()]);
      return;
    }
    form.removeListItem(kind, index);
  }

  return (
    <Stack gap={6} role="group" aria-labelledby={headingId} style={{ gridColumn: '1 / -1' }}>
      <div>
        <Text id={headingId} component="div" fz="sm" fw={500}>
          {t(`crm.people.points.${kind}.title`)}
        </Text>
        <Text fz="xs" c="dimmed">
          {emails ? t('crm.people.points.mainHint') : t('crm.people.points.phonesHint')}
        </Text>
      </div>
      {keys.map((key, index) => (
        <Group key={key} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={word('value', index)}
            type={emails ? 'email' : 'tel'}
            autoComplete="off"
            leftSection={<Icon size={16} aria-hidden />}
            style={{ flex: 1, minWidth: 0 }}
            {...form.getInputProps(`${kind}.${index}.${valueField}`)}
          />
          <Select
            aria-label={word('type', index)}
            data={POINT_TYPES.map((type) => ({ value: type, label: t(`crm.people.pointType.${type}`) }))}
            value={emails ? form.values.emails[index]?.type : form.values.phones[index]?.type}
            onChange={(type) => isPointType(type) && form.setFieldValue(`${kind}.${index}.type`, type)}
            allowDeselect={false}
            w={{ base: 108, sm: 128 }}
            comboboxProps={{ withinPortal: true }}
          />
          {index > 0 && (
            <Tooltip label={word('makeMain', index)}>
              <ActionIcon variant="subtle" color="gray" size={36} aria-label={word('makeMain', index)} onClick={() => form.reorderListItem(kind, { from: index, to: 0 })}>
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label={word('remove', index)}>
            <ActionIcon variant="subtle" color="red" size={36} aria-label={word('remove', index)} onClick={() => remove(index)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      {form.errors[kind] && (
        <Text fz="xs" c="red">
          {form.errors[kind]}
        </Text>
      )}
      {count < MAX_POINTS && (
        <Group>
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
            {t(`crm.people.points.${kind}.add`)}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
