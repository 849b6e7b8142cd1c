import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
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

  return (
    <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void download()}>
      {t('import.export.button')}
    </Button>
  );
}
