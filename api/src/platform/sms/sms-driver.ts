/** One text message to one phone number. */
export interface SmsMessage {
  /** E.164, such as +40721234567. */
  to: string;
  body: string;
  /** Where the provider reports the message's fate (Twilio's StatusCallback): see status-callback.ts. */
  statusCallback?: string;
}

export interface SmsSendResult {
  /** The provider's id of the message (Twilio's SM… SID); the log driver makes one up. */
  providerMessageId: string;
  /** The sender the provider used: a phone number, a messaging service, or null when unknown. */
  from: string | null;
}

/** A channel driver sends one message; transports differ, the contract does not (see MailDriver). */
export interface SmsDriver {
  readonly name: string;
  /** The sender recorded on a message before it leaves (the configured number or service), if any. */
  readonly from: string | null;
  /** Sends the message, or throws an SmsSendError saying whether trying again may succeed. */
  send(message: SmsMessage): Promise<SmsSendResult>;
  close(): Promise<void>;
}

/**
 * A refused or failed send. `retryable` is true only when the message certainly did not leave and a
 * later try may succeed (the provider was unreachable, or asked us to slow down): a retry must never
 * send a message twice.
 */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The provider's error code (Twilio's numeric codes), when it gave one. */
    readonly providerCode: string | null = null,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}
