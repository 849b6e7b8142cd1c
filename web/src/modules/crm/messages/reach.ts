import type { ConsentStatus } from '../../../gql/graphql';
import type { MessageChannelWord } from './message-errors';

/** What the buttons need to know of a person to offer (or explain) an email or SMS. */
export interface Reachable {
  id: string;
  fullName: string;
  /** Their main address and number (null: none). */
  email?: string | null;
  phone?: string | null;
  emailConsent: ConsentStatus;
  smsConsent: ConsentStatus;
}

/** Why a message cannot go out on a channel (the API's own reasons), or null when it can. */
export function blockedReason(person: Reachable, channel: MessageChannelWord): 'NO_ADDRESS' | 'NO_CONSENT' | null {
  const address = channel === 'EMAIL' ? person.email : person.phone;
  if (!address) return 'NO_ADDRESS';
  const consent = channel === 'EMAIL' ? person.emailConsent : person.smsConsent;
  return consent === 'DENIED' ? 'NO_CONSENT' : null;
}
