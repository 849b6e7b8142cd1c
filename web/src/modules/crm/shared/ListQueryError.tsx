import { Box, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { ListUrl } from './use-list-url';

/** A list that failed to load: try again, or (past the first page, whose cursor may be stale) start over. */
export function ListQueryError({ error, onRetry, list }: { error: unknown; onRetry: () => void; list: ListUrl }) {
  const { t } = useTranslation();
  return (
    <Box mb="md">
      <QueryErrorAlert
        error={error}
        onRetry={onRetry}
        extra={
          list.after ? (
            <Button size="xs" variant="subtle" color="red" onClick={list.first}>
              {t('crm.list.firstPage')}
            </Button>
          ) : null
        }
      />
    </Box>
  );
}
