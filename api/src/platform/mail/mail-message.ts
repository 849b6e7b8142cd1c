export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe and the like). */
  headers?: Record<string, string>;
}

/** A channel driver sends one message; transports differ, the contract does not. */
export interface MailDriver {
  readonly name: string;
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): Promise<void>;
}
