import {
  IconCircleCheck,
  IconMail,
  IconMailOpened,
  IconMessage,
  IconMessageReply,
  IconNote,
  IconPhoneIncoming,
  IconPhoneOutgoing,
  IconPhone,
  IconSquarePlus,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { InteractionDirection, InteractionKind } from '../../../gql/graphql';

/** Each kind has its icon and colour, the same in the picker and the history. */
export const KIND_COLOR: Record<InteractionKind, string> = { CALL: 'teal', MEETING: 'violet', EMAIL: 'blue', SMS: 'cyan', NOTE: 'yellow' };

export function kindIcon(kind: InteractionKind, direction?: InteractionDirection | null): Icon {
  switch (kind) {
    case 'CALL':
      return direction === 'INBOUND' ? IconPhoneIncoming : direction === 'OUTBOUND' ? IconPhoneOutgoing : IconPhone;
    case 'MEETING':
      return IconUsers;
    case 'EMAIL':
      return direction === 'INBOUND' ? IconMailOpened : IconMail;
    case 'SMS':
      return direction === 'INBOUND' ? IconMessageReply : IconMessage;
    case 'NOTE':
      return IconNote;
  }
}

export const TASK_CREATED_ICON: Icon = IconSquarePlus;
export const TASK_DONE_ICON: Icon = IconCircleCheck;
