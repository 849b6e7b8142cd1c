import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { usePhone } from '../../../lib/use-phone';
import { downloadCsv } from './import-http';

interface ExportButtonProps {
  /** Which list: people (`contacts`) or customers. */
  list: 'contacts' | 'customers';
  /** The list's current filter and order, exactly as its GraphQL query takes them. */
  filter: unknown;
  orderBy: unknown;
}

/**
 * Downloads the list as it is filtered and ordered on screen, every page of it, as a CSV file
 * (with this browser's session). For the people and customers lists' header actions.
 */
export function ExportButton({ list, filter, orderBy }: ExportButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const phone = usePhone();

  async function download() {
    setBusy(true);
    try {
      await downloadCsv(list, filter, orderBy);
    } catch (error) {
      notifications.show({ color: 'red', title: t('import.export.failed'), message: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  }

  const label = t('import.export.button');
  // An icon on phones, where the list's header is narrow.
  if (phone) {
    return (
      <Tooltip label={label}>
        <ActionIcon variant="default" size={36} aria-label={label} loading={busy} onClick={() => void download()}>
          <IconDownload size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void download()}>
      {label}
    </Button>
  );
}
