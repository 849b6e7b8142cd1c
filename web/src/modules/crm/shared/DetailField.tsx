import { DataList, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One label and value of a detail page; an empty value shows a dash (read out as "not set"). */
export function DetailField({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <DataList.Item>
      <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>
        {empty ? (
          <Text span c="dimmed">
            <span aria-hidden>{t('common.none')}</span>
            <VisuallyHidden>{t('crm.detail.empty')}</VisuallyHidden>
          </Text>
        ) : (
          children
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}
