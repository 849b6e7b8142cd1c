import {
  IconAlertTriangle,
  IconClick,
  IconMailCheck,
  IconMailOff,
  IconMailOpened,
  IconMailX,
  IconMessageCheck,
  IconMessageOff,
  IconMessageReport,
  IconMessageX,
  IconSend,
  type Icon,
} from '@tabler/icons-react';
import type { DeliveryEventKind, MarketingChannel } from '../../../gql/graphql';

/** Good news green, bad news red, the rest the channel's colour. */
export const DELIVERY_EVENT_COLOR: Record<DeliveryEventKind, string> = {
  SENT: 'blue',
  DELIVERED: 'teal',
  OPENED: 'green',
  CLICKED: 'green',
  BOUNCED: 'red',
  COMPLAINED: 'red',
  FAILED: 'red',
  UNSUBSCRIBED: 'orange',
};

/** The icon of something that happened to a marketing message, by channel where they differ. */
export function deliveryEventIcon(kind: DeliveryEventKind, channel: MarketingChannel): Icon {
  const sms = channel === 'SMS';
  switch (kind) {
    case 'SENT':
      return IconSend;
    case 'DELIVERED':
      return sms ? IconMessageCheck : IconMailCheck;
    case 'OPENED':
      return IconMailOpened;
    case 'CLICKED':
      return IconClick;
    case 'BOUNCED':
      return sms ? IconMessageX : IconMailX;
    case 'COMPLAINED':
      return IconMessageReport;
    case 'FAILED':
      return IconAlertTriangle;
    case 'UNSUBSCRIBED':
      return sms ? IconMessageOff : IconMailOff;
  }
}
