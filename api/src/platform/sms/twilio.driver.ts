import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type * as TwilioResponse from 'twilio/lib/http/response.js';
import type { TwilioConfig } from '../../../../infra/config.js';
import { SmsSendError, type SmsDriver, type SmsMessage, type SmsSendResult } from './sms-driver.js';

/** A sender of the form MG…: a Messaging Service, which picks the number itself. */
const MESSAGING_SERVICE = /^MG[0-9a-fA-F]{32}$/;

/** Seconds to wait for Twilio before giving up on a request (its own default is 30). */
const TIMEOUT_MS = 15_000;

/**
 * Twilio's own HTTP client, sending every request to another base address: a compatible gateway, or
 * the local server the tests run against Twilio's published OpenAPI description. Only the origin (and
 * an optional path prefix) changes; the path, query, form body and Basic auth stay Twilio's.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: string;

  constructor(baseUrl: string) {
    super({ timeout: TIMEOUT_MS });
    this.base = baseUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<TwilioResponse.default<TData>> {
    const url = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: `${this.base}${url.pathname}${url.search}` });
  }
}

/** Network failures that happen before a request is sent: nothing left, so trying again is safe. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code: unknown = Reflect.get(error, 'code');
  return typeof code === 'string' || typeof code === 'number' ? String(code) : null;
}

/**
 * Twilio's answer or the network's, as an SmsSendError. Only what certainly did not create a message
 * is retryable: 429 (rate limited) and 503 (not taken), and connections that never opened. Anything
 * else (a refused number, a 500 whose outcome is unknown, a timeout mid-request) is final.
 */
export function toSmsSendError(error: unknown): SmsSendError {
  if (error instanceof twilio.RestException) {
    const retryable = error.status === 429 || error.status === 503;
    const detail = error.message || `HTTP ${error.status}`;
    return new SmsSendError(`Twilio refused the message: ${detail}${error.code ? ` (code ${error.code})` : ''}`, retryable, error.code ? String(error.code) : String(error.status));
  }
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return new SmsSendError(`Twilio could not be reached: ${message}`, code !== null && NOT_SENT_CODES.has(code), code);
}

/** SMS through Twilio's Programmable Messaging API (Messages resource, API version 2010-04-01). */
export class TwilioSmsDriver implements SmsDriver {
  readonly name = 'twilio';
  readonly from: string;
  private readonly client: twilio.Twilio;

  constructor(config: TwilioConfig) {
    this.from = config.from;
    this.client = twilio(config.accountSid, config.authToken, {
      httpClient: config.apiUrl ? new BaseUrlRequestClient(config.apiUrl) : new twilio.RequestClient({ timeout: TIMEOUT_MS }),
      // Retries are the job queue's business: it knows whether a message may already have left.
      autoRetry: false,
    });
  }

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const sender = MESSAGING_SERVICE.test(this.from) ? { messagingServiceSid: this.from } : { from: this.from };
    try {
      const callback = message.statusCallback ? { statusCallback: message.statusCallback } : {};
      const sent = await this.client.messages.create({ to: message.to, body: message.body, ...sender, ...callback });
      if (!sent.sid) throw new SmsSendError('Twilio answered without a message SID', false);
      return { providerMessageId: sent.sid, from: sent.from || this.from };
    } catch (error) {
      throw error instanceof SmsSendError ? error : toSmsSendError(error);
    }
  }

  async close(): Promise<void> {}
}
