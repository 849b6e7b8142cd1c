import { IconBolt, IconFilter, IconHourglass, IconMail, IconMessage, type Icon } from '@tabler/icons-react';
import type { AutomationStepKind } from '../../../gql/graphql';

/** Each step kind has its icon and colour, the same in the builder and on the automation's page. */
export const STEP_ICON: Record<AutomationStepKind, Icon> = { WAIT: IconHourglass, SEND_EMAIL: IconMail, SEND_SMS: IconMessage, CONDITION: IconFilter };
export const STEP_COLOR: Record<AutomationStepKind, string> = { WAIT: 'gray', SEND_EMAIL: 'blue', SEND_SMS: 'cyan', CONDITION: 'violet' };
export const TRIGGER_ICON: Icon = IconBolt;
