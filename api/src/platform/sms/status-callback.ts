/**
 * Where Twilio reports what became of a text message (delivered, undelivered, failed). The callback
 * carries no company, and a message SID must not be looked up across companies, so the address names
 * the company; Twilio signs the whole address with the account's auth token, so it cannot be changed.
 */
export const SMS_STATUS_PATH = '/hooks/twilio/status';

/** `${appUrl}/hooks/twilio/status/<tenant uuid>`: passed as StatusCallback with every message sent. */
export function smsStatusCallbackUrl(appUrl: string, tenantId: string): string {
  return `${appUrl.replace(/\/+$/, '')}${SMS_STATUS_PATH}/${tenantId}`;
}
