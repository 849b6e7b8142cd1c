import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { InboundAddressCard } from './InboundAddressCard';
import { UnmatchedEmails } from './UnmatchedEmails';

/** `/settings/inbound-email` (owners and admins): where received emails come in, and those nobody was found for. */
export function InboundEmailPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageHeader size="large" mb={0} title={t('crm.messages.inbound.title')} subtitle={t('crm.messages.inbound.description')} />
      <InboundAddressCard />
      <UnmatchedEmails />
    </Stack>
  );
}
