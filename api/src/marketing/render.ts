import { convert } from 'html-to-text';
import { Liquid, type Template } from 'liquidjs';
import { smsSegments, type SmsSegments } from '../platform/sms/sms-segments.js';

/**
 * Templates are Liquid (Shopify's language: no code runs, only what the data offers): merge fields
 * such as `{{ contact.firstName | default: "there" }}`, `{{ customer.name }}`,
 * `{{ contact.custom.shoe_size }}`, `{{ unsubscribe_url }}` and `{{ preferences_url }}`. In HTML every
 * merged value is escaped; in subjects, plain text and SMS it is not.
 */
const options = { ownPropertyOnly: true, strictFilters: true, cache: false } as const;
const htmlLiquid = new Liquid({ ...options, outputEscape: 'escape' });
const textLiquid = new Liquid(options);

export interface MergeData {
  contact: { firstName: string; lastName: string | null; fullName: string; email: string | null; phone: string | null; custom: Record<string, unknown> };
  customer: { name: string; custom: Record<string, unknown> } | null;
  company: { name: string };
  unsubscribe_url: string;
  preferences_url: string;
}

export interface EmailSource {
  subject: string;
  preheader: string | null;
  html: string;
  text: string | null;
}

/** A template parsed once per campaign and rendered for each recipient. */
export interface CompiledEmail {
  subject: Template[];
  preheader: Template[] | null;
  html: Template[];
  text: Template[] | null;
}

export class TemplateSyntaxError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

function parse(engine: Liquid, part: string, source: string): Template[] {
  try {
    return engine.parse(source);
  } catch (error) {
    throw new TemplateSyntaxError(part, error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error));
  }
}

const TEXT_OPTIONS = { selectors: [{ selector: 'img', format: 'skip' }] };

/**
 * Without a written plain-text part, the template's HTML is turned into a text template once (its
 * Liquid tags are text to html-to-text, and no line is wrapped inside one), instead of converting
 * every rendered email; a template whose tags do not survive that is converted per email.
 */
function derivedText(html: string): Template[] | null {
  try {
    return textLiquid.parse(convert(html, { ...TEXT_OPTIONS, wordwrap: false }));
  } catch {
    return null;
  }
}

export function compileEmail(source: EmailSource): CompiledEmail {
  const html = parse(htmlLiquid, 'html', source.html);
  return {
    subject: parse(textLiquid, 'subject', source.subject),
    preheader: source.preheader ? parse(textLiquid, 'preheader', source.preheader) : null,
    html,
    text: source.text ? parse(textLiquid, 'text', source.text) : derivedText(source.html),
  };
}

export function compileSms(text: string): Template[] {
  return parse(textLiquid, 'text', text);
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface Tracking {
  /** Rewrites a link for click tracking (null: links stay as written). */
  click: ((href: string) => string) | null;
  /** The open pixel's address (null: none). */
  openPixel: string | null;
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** http(s) links in href="…" outside the unsubscribe and preference links. */
function trackLinks(html: string, data: MergeData, click: (href: string) => string): string {
  return html.replace(/href="(https?:\/\/[^"]+)"/gi, (whole, href: string) => {
    const raw = href.replace(/&amp;/g, '&');
    if (raw === data.unsubscribe_url || raw === data.preferences_url) return whole;
    return `href="${escapeHtml(click(raw))}"`;
  });
}

/**
 * The body inside a responsive frame (one centred column up to 600 px, fluid on phones), with the
 * hidden preheader and a footer naming the company and the unsubscribe and preference links.
 */
function frame(body: string, preheader: string, data: MergeData, openPixel: string | null): string {
  const company = escapeHtml(data.company.name);
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="x-apple-disable-message-reformatting">
<style>@media (max-width: 620px) { .kontor-body { width: 100% !important; padding: 16px !important; } } img { max-width: 100%; height: auto; }</style></head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 8px;">
<table role="presentation" class="kontor-body" width="600" cellpadding="0" cellspacing="0" style="width:600px;max-width:600px;background:#ffffff;border-radius:8px;padding:32px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;">
<tr><td>${body}</td></tr></table>
<p style="font-family:Arial,Helvetica,sans-serif;font-size:12px;color:#6b7280;margin:16px 0 0;">${company} &middot; <a href="${escapeHtml(data.unsubscribe_url)}" style="color:#6b7280;">Unsubscribe</a> &middot; <a href="${escapeHtml(data.preferences_url)}" style="color:#6b7280;">Email preferences</a></p>
</td></tr></table>${openPixel ? `<img src="${escapeHtml(openPixel)}" width="1" height="1" alt="" style="display:block;border:0;">` : ''}
</body></html>`;
}

export function renderEmail(compiled: CompiledEmail, data: MergeData, tracking: Tracking): RenderedEmail {
  const scope = data as unknown as Record<string, unknown>;
  const subject = textLiquid.renderSync(compiled.subject, scope) as string;
  const preheader = compiled.preheader ? (textLiquid.renderSync(compiled.preheader, scope) as string) : '';
  const content = htmlLiquid.renderSync(compiled.html, scope) as string;
  const plainBody = compiled.text ? (textLiquid.renderSync(compiled.text, scope) as string) : convert(content, { ...TEXT_OPTIONS, wordwrap: 78 });
  const body = tracking.click ? trackLinks(content, data, tracking.click) : content;
  return {
    // A subject is one line, whatever the template made of it.
    subject: subject.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    html: frame(body, preheader, data, tracking.openPixel),
    text: `${plainBody.trim()}\n\n--\n${data.company.name}\nUnsubscribe: ${data.unsubscribe_url}\nPreferences: ${data.preferences_url}\n`,
  };
}

export function renderSms(compiled: Template[], data: MergeData): { body: string; segments: SmsSegments } {
  const body = (textLiquid.renderSync(compiled, data as unknown as Record<string, unknown>) as string).trim();
  return { body, segments: smsSegments(body) };
}

/** Data for previews and test sends when no real person is chosen. */
export function sampleMergeData(companyName: string): MergeData {
  return {
    contact: { firstName: 'Ana', lastName: 'Popescu', fullName: 'Ana Popescu', email: 'ana.popescu@example.com', phone: '+40721234567', custom: {} },
    customer: { name: 'Example Ltd', custom: {} },
    company: { name: companyName },
    unsubscribe_url: 'https://example.invalid/unsubscribe',
    preferences_url: 'https://example.invalid/preferences',
  };
}
