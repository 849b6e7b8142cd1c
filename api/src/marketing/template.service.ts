import { MarketingChannel, MarketingTemplate } from '../../../schema/marketing/template.entity.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { rowDate, rowText, type Row } from '../graphql/keyset.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { compileEmail, compileSms, renderEmail, renderSms, sampleMergeData, TemplateSyntaxError, type MergeData } from './render.js';
import type { CampaignTemplateNode, CampaignTemplatePreviewNode, CreateCampaignTemplateInput, UpdateCampaignTemplateInput } from './template.types.js';

const MAX_TEMPLATES = 500;
const NAME_MAX = 200;
const SUBJECT_MAX = 300;
const HTML_MAX = 200_000;
const TEXT_MAX = 50_000;
/** Twilio's limit for one message's body. */
export const SMS_TEXT_MAX = 1_600;

export function templateNodeFromRow(row: Row): CampaignTemplateNode {
  return {
    id: toGlobalId('CampaignTemplate', String(row.id)),
    uuid: String(row.id),
    name: String(row.name),
    channel: String(row.channel) as MarketingChannel,
    subject: rowText(row.subject),
    preheader: rowText(row.preheader),
    html: rowText(row.html),
    text: rowText(row.text),
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

export async function listTemplates(ctx: ServiceContext, channel: MarketingChannel | null | undefined): Promise<CampaignTemplateNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `select * from mkt_templates where tenant_id = ? ${channel ? 'and channel = ?' : ''} order by lower(name), id limit ${MAX_TEMPLATES}`,
    channel ? [ctx.tenantId, channel] : [ctx.tenantId],
  );
  return rows.map(templateNodeFromRow);
}

export async function getTemplate(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<CampaignTemplateNode> {
  const id = fromGlobalId('CampaignTemplate', globalId, path);
  const rows = await (await ctx.em()).execute<Row[]>(`select * from mkt_templates where tenant_id = ? and id = ?`, [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('CampaignTemplate');
  return templateNodeFromRow(row);
}

/** Parses and renders the template with sample data: a template that saves is one that sends. */
function checkTemplate(template: Pick<MarketingTemplate, 'channel' | 'subject' | 'preheader' | 'html' | 'text'>, path: string[]): void {
  const data = sampleMergeData('Example');
  try {
    if (template.channel === MarketingChannel.EMAIL) {
      renderEmail(compileEmail({ subject: template.subject ?? '', preheader: template.preheader ?? null, html: template.html ?? '', text: template.text ?? null }), data, { click: null, openPixel: null });
    } else {
      renderSms(compileSms(template.text ?? ''), data);
    }
  } catch (error) {
    const part = error instanceof TemplateSyntaxError ? error.part : 'html';
    throw BadUserInputError.field([...path, part], `the template does not render: ${error instanceof Error ? error.message : String(error)}`, 'INVALID_TEMPLATE');
  }
}

/** The channel's parts: an email needs a subject and HTML; an SMS needs its text and nothing else. */
function channelParts(channel: MarketingChannel, input: { subject?: string | null; preheader?: string | null; html?: string | null; text?: string | null }) {
  const path = ['input'];
  if (channel === MarketingChannel.EMAIL) {
    return {
      subject: checkText(input.subject ?? '', [...path, 'subject'], SUBJECT_MAX),
      preheader: checkOptionalText(input.preheader, [...path, 'preheader'], SUBJECT_MAX),
      html: checkText(input.html ?? '', [...path, 'html'], HTML_MAX),
      text: checkOptionalText(input.text, [...path, 'text'], TEXT_MAX),
    };
  }
  for (const part of ['subject', 'preheader', 'html'] as const) {
    if (input[part]) throw BadUserInputError.field([...path, part], 'an SMS template has only a text', 'WRONG_CHANNEL');
  }
  return { subject: null, preheader: null, html: null, text: checkText(input.text ?? '', [...path, 'text'], SMS_TEXT_MAX) };
}

export async function createTemplate(ctx: ServiceContext, input: CreateCampaignTemplateInput): Promise<CampaignTemplateNode> {
  const em = await ctx.em();
  const name = checkText(input.name, ['input', 'name'], NAME_MAX);
  const parts = channelParts(input.channel, input);
  checkTemplate({ channel: input.channel, ...parts }, ['input']);
  if ((await em.count(MarketingTemplate, { tenantId: ctx.tenantId })) >= MAX_TEMPLATES) {
    throw BadUserInputError.field(['input', 'name'], `a company has at most ${MAX_TEMPLATES} templates`, 'TOO_MANY', { max: MAX_TEMPLATES });
  }
  const template = em.create(MarketingTemplate, { tenantId: ctx.tenantId, name, channel: input.channel, ...parts, createdById: ctx.principal?.userId ?? null });
  await em.flush();
  return getTemplate(ctx, toGlobalId('CampaignTemplate', template.id));
}

async function templateEntity(ctx: ServiceContext, globalId: string, path: string[]): Promise<MarketingTemplate> {
  const template = await (await ctx.em()).findOne(MarketingTemplate, { tenantId: ctx.tenantId, id: fromGlobalId('CampaignTemplate', globalId, path) });
  if (!template) throw new NotFoundError('CampaignTemplate');
  return template;
}

export async function updateTemplate(ctx: ServiceContext, input: UpdateCampaignTemplateInput): Promise<CampaignTemplateNode> {
  const template = await templateEntity(ctx, input.id, ['input', 'id']);
  if (input.name !== undefined && input.name !== null) template.name = checkText(input.name, ['input', 'name'], NAME_MAX);
  // Absent keeps a part; for the optional parts an empty string clears it.
  const merged = {
    subject: input.subject ?? template.subject,
    preheader: input.preheader === undefined || input.preheader === null ? template.preheader : input.preheader,
    html: input.html ?? template.html,
    text: input.text === undefined || input.text === null ? template.text : input.text,
  };
  Object.assign(template, channelParts(template.channel, merged));
  checkTemplate(template, ['input']);
  await (await ctx.em()).flush();
  return getTemplate(ctx, input.id, ['input', 'id']);
}

export async function deleteTemplate(ctx: ServiceContext, globalId: string): Promise<string> {
  const template = await templateEntity(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  const used = await em.execute<{ n: number }[]>(`select count(*)::int as n from mkt_campaigns where tenant_id = ? and (template_id = ? or variant_template_id = ?)`, [ctx.tenantId, template.id, template.id]);
  if ((used[0]?.n ?? 0) > 0) throw new ConflictError('Campaigns use this template; remove them or pick another template first', ['input', 'id'], 'IN_USE');
  // Automation steps (and the messages they sent) keep their template too.
  const steps = await em.execute<{ n: number }[]>(`select count(*)::int as n from mkt_automation_steps where tenant_id = ? and template_id = ?`, [ctx.tenantId, template.id]);
  if ((steps[0]?.n ?? 0) > 0) throw new ConflictError('Automations use this template; change or remove them first', ['input', 'id'], 'IN_USE');
  em.remove(template);
  await em.flush();
  return globalId;
}

/** Renders a template for one recipient's data, as the campaign would send it (links untracked). */
export function previewTemplate(template: CampaignTemplateNode, data: MergeData): CampaignTemplatePreviewNode {
  if (template.channel === MarketingChannel.EMAIL) {
    const email = renderEmail(compileEmail({ subject: template.subject ?? '', preheader: template.preheader, html: template.html ?? '', text: template.text }), data, { click: null, openPixel: null });
    return { subject: email.subject, html: email.html, text: email.text, sms: null };
  }
  const sms = renderSms(compileSms(template.text ?? ''), data);
  return { subject: null, html: null, text: sms.body, sms: { encoding: sms.segments.encoding, segments: sms.segments.segments, characters: sms.body.length } };
}
