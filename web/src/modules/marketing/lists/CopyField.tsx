import { ActionIcon, CopyButton, Group, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface CopyFieldProps {
  label: string;
  description?: string;
  value: string;
  /** Several lines (a snippet of HTML). */
  multiline?: boolean;
}

/** A read-only value to paste elsewhere, selected on focus, with a copy button beside it. */
export function CopyField({ label, description, value, multiline = false }: CopyFieldProps) {
  const { t } = useTranslation();
  const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } };
  const copyLabel = t('subscriptions.copy', { what: label });
  return (
    <Group gap="xs" align={multiline ? 'flex-start' : 'flex-end'} wrap="nowrap">
      {multiline ? (
        <Textarea label={label} description={description} value={value} readOnly autosize minRows={4} maxRows={14} style={{ flex: 1, minWidth: 0 }} styles={mono} onFocus={(event) => event.currentTarget.select()} />
      ) : (
        <TextInput label={label} description={description} value={value} readOnly style={{ flex: 1, minWidth: 0 }} styles={mono} onFocus={(event) => event.currentTarget.select()} />
      )}
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('subscriptions.copied') : copyLabel} withArrow>
            <ActionIcon size={36} mt={multiline ? 'xl' : undefined} variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} aria-label={copyLabel}>
              {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
