import type { TFunction } from 'i18next';
import type { CampaignTemplateDetailQuery, CreateCampaignTemplateInput, MarketingChannel, UpdateCampaignTemplateInput } from '../../../gql/graphql.js';
import { optional, optionalText, required } from '../../../lib/validators.js';

/** The API's limits. */
export const TEMPLATE_NAME_MAX = 200;
export const SUBJECT_MAX = 300;
export const HTML_MAX = 200_000;
export const TEXT_MAX = 50_000;
/** Twilio's limit for one message's body. */
export const SMS_TEXT_MAX = 1_600;

export interface TemplateFormValues {
  name: string;
  channel: MarketingChannel;
  /** Email only. */
  subject: string;
  preheader: string;
  html: string;
  /** The SMS; for email the plain-text part ('' derives it from the HTML). */
  text: string;
}

export type TemplateDetail = CampaignTemplateDetailQuery['campaignTemplate'];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A new email starts with a greeting by first name in the user's language (the frame adds the footer with the unsubscribe link). */
export function starterHtml(t: TFunction): string {
  return `<p>${escapeHtml(t('marketing.templates.starter.hello'))} {{ contact.firstName }},</p>\n<p></p>\n`;
}

export function emptyTemplate(t: TFunction, channel: MarketingChannel): TemplateFormValues {
  return { name: '', channel, subject: '', preheader: '', html: channel === 'EMAIL' ? starterHtml(t) : '', text: '' };
}

export function templateValues(template: TemplateDetail): TemplateFormValues {
  return {
    name: template.name,
    channel: template.channel,
    subject: template.subject ?? '',
    preheader: template.preheader ?? '',
    html: template.html ?? '',
    text: template.text ?? '',
  };
}

/** The API's checks, made before a round trip, in the user's language. */
export function validateTemplate(t: TFunction, values: TemplateFormValues): Partial<Record<keyof TemplateFormValues, string | null>> {
  const name = required(t, TEMPLATE_NAME_MAX)(values.name);
  if (values.channel === 'SMS') return { name, text: required(t, SMS_TEXT_MAX)(values.text) };
  return {
    name,
    subject: required(t, SUBJECT_MAX)(values.subject),
    preheader: optionalText(t, SUBJECT_MAX)(values.preheader),
    html: required(t, HTML_MAX)(values.html),
    text: optionalText(t, TEXT_MAX)(values.text),
  };
}

export function createTemplateInput(values: TemplateFormValues): CreateCampaignTemplateInput {
  if (values.channel === 'SMS') return { name: values.name.trim(), channel: 'SMS', text: values.text.trim() };
  return {
    name: values.name.trim(),
    channel: 'EMAIL',
    subject: values.subject.trim(),
    preheader: optional(values.preheader),
    html: values.html,
    text: optional(values.text),
  };
}

/** Every part as the form shows it; for email an emptied preheader or plain text clears it (the API takes '' for that). */
export function updateTemplateInput(id: string, values: TemplateFormValues): UpdateCampaignTemplateInput {
  if (values.channel === 'SMS') return { id, name: values.name.trim(), text: values.text.trim() };
  return { id, name: values.name.trim(), subject: values.subject.trim(), preheader: values.preheader.trim(), html: values.html, text: values.text.trim() };
}
