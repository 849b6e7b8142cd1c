import { ActionIcon, Button, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useId, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageChannelWord } from './message-errors';
import { blockedReason, type Reachable } from './reach';

interface MessageButtonProps {
  person: Reachable;
  channel: MessageChannelWord;
  onOpen: () => void;
  /** `icon`: a small icon button (a person in a list); `button`: a labelled button (the person's page). */
  variant?: 'button' | 'icon';
}

/**
 * "Send email" / "Send SMS" for one person. When the person has no address or number, or refused
 * the channel, the button stays (so people see it exists) but is disabled, and says why on hover,
 * on focus and to screen readers.
 */
export function MessageButton({ person, channel, onOpen, variant = 'button' }: MessageButtonProps) {
  const { t } = useTranslation();
  const explanationId = useId();
  const blocked = blockedReason(person, channel);
  const Icon = channel === 'EMAIL' ? IconMail : IconMessage;
  const why = blocked ? t(`crm.messages.blocked.${blocked}.${channel}`) : null;
  const label = variant === 'icon' ? t(`crm.messages.actions.${channel}Person`, { name: person.fullName }) : t(`crm.messages.actions.${channel}`);
  // A disabled button gets no pointer or focus events: `data-disabled` keeps it focusable, so the reason can be read.
  const disabledProps = blocked
    ? { 'data-disabled': true, 'aria-disabled': true, 'aria-describedby': explanationId, onClick: (event: MouseEvent) => event.preventDefault() }
    : { onClick: onOpen };

  const control =
    variant === 'icon' ? (
      <ActionIcon variant="subtle" color="gray" size="md" aria-label={label} {...disabledProps}>
        <Icon size={16} aria-hidden />
      </ActionIcon>
    ) : (
      <Button variant="light" size="xs" leftSection={<Icon size={14} aria-hidden />} {...disabledProps}>
        {label}
      </Button>
    );

  return (
    <>
      <Tooltip label={why ?? label} multiline maw={280} withArrow openDelay={blocked ? 0 : 400} disabled={!blocked && variant === 'button'}>
        {control}
      </Tooltip>
      {why && <VisuallyHidden id={explanationId}>{why}</VisuallyHidden>}
    </>
  );
}
