import { Button } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/viewer';
import { useRefreshHistory } from '../timeline/use-refresh-history';
import { SendEmailModal } from './SendEmailModal';

interface ReplyButtonProps {
  /** The person the email was with. */
  contactId: string;
  /** The email answered: its message id and subject ("Re: …" is suggested). */
  message: { id: string; subject: string | null };
}

/** "Reply" under an email in a history (with CRM:write): the email dialog, joined to that conversation. */
export function ReplyButton({ contactId, message }: ReplyButtonProps) {
  const { t } = useTranslation();
  const can = useCan();
  const refresh = useRefreshHistory();
  const [open, setOpen] = useState(false);
  if (!can('CRM:write')) return null;
  return (
    <>
      <Button size="compact-xs" variant="subtle" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => setOpen(true)}>
        {t('crm.messages.actions.reply')}
      </Button>
      <SendEmailModal
        contactId={open ? contactId : null}
        replyTo={{ messageId: message.id, subject: message.subject }}
        onClose={() => setOpen(false)}
        onSent={() => void refresh()}
      />
    </>
  );
}
