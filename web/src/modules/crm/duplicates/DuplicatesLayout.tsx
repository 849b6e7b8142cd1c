import { Alert, Box, Loader, Stack, Title } from '@mantine/core';
import { IconCopyCheck, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { DuplicateReason } from '../../../gql/graphql';
import { EmptyPanel } from '../shared/EmptyPanel';
import { ListSkeleton } from '../shared/ListSkeleton';

/** The order reasons are shown in: the surest first. */
export const REASONS: DuplicateReason[] = ['TAX_ID', 'EMAIL', 'PHONE', 'DOMAIN', 'NAME'];

/** The API gives at most this many groups at once. */
const MAX_GROUPS = 100;

interface DuplicatesLayoutProps<G> {
  entity: 'people' | 'customers';
  back: { to: string; label: string };
  groups: G[] | undefined;
  reasonOf: (group: G) => DuplicateReason;
  error: unknown;
  onRetry: () => void;
  fetching: boolean;
  renderGroup: (group: G) => ReactNode;
}

/** The duplicates page of people or customers: what it is for, then the groups by reason, or why there are none. */
export function DuplicatesLayout<G>({ entity, back, groups, reasonOf, error, onRetry, fetching, renderGroup }: DuplicatesLayoutProps<G>) {
  const { t } = useTranslation();
  return (
    <Box maw={1280}>
      <PageHeader
        back={back}
        title={t(`duplicates.${entity}.title`)}
        subtitle={groups ? t('duplicates.count', { count: groups.length }) : fetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      />
      <Alert variant="light" color="blue" icon={<IconInfoCircle />} mb="lg">
        {t(`duplicates.${entity}.intro`)}
      </Alert>
      {error ? (
        <QueryErrorAlert error={error} onRetry={onRetry} />
      ) : !groups ? (
        <ListSkeleton rows={4} />
      ) : groups.length === 0 ? (
        <EmptyPanel label={t(`duplicates.${entity}.none.title`)} icon={<IconCopyCheck />} title={t(`duplicates.${entity}.none.title`)} description={t(`duplicates.${entity}.none.body`)} />
      ) : (
        <Stack gap="xl">
          {groups.length >= MAX_GROUPS && (
            <Alert variant="light" color="gray">
              {t('duplicates.more', { count: MAX_GROUPS })}
            </Alert>
          )}
          {REASONS.map((reason) => {
            const inReason = groups.filter((group) => reasonOf(group) === reason);
            if (inReason.length === 0) return null;
            return (
              <Stack key={reason} gap="md" component="section" aria-label={t(`duplicates.reason.${reason}`)}>
                <Title order={2} fz="h4">
                  {t('duplicates.reasonHeading', { reason: t(`duplicates.reason.${reason}`), count: inReason.length })}
                </Title>
                {inReason.map(renderGroup)}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Box>
  );
}
