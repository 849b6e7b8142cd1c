import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId } from '../graphql/global-id.js';
import { EmailAddressScalar, PhoneNumberScalar } from '../graphql/scalars.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { enqueueMail } from '../platform/mail/mail.service.js';
import { CAMPAIGN_QUEUE, TEST_SMS_JOB, type TestSmsJob } from './campaign-queue.js';
import { mergeDataOfContact } from './merge-data.js';
import { previewTemplate, getTemplate } from './template.service.js';
import type { CampaignTemplatePreviewNode, PreviewCampaignTemplateInput, SendTestMessageInput } from './template.types.js';
import { sampleMergeData, type MergeData } from './render.js';

/** Links in a preview or test go to the app's pages without a real delivery behind them. */
function placeholderLinks(ctx: RequestContext): { unsubscribe: string; preferences: string } {
  const base = ctx.app.config.appUrl.replace(/\/+$/, '');
  return { unsubscribe: `${base}/unsubscribe/preview`, preferences: `${base}/preferences/preview` };
}

async function mergeData(ctx: RequestContext, contactId: string | null | undefined, path: string[]): Promise<MergeData> {
  const links = placeholderLinks(ctx);
  if (!contactId) {
    const rows = await (await ctx.em()).execute<{ name: string }[]>('select name from tenants where id = ?', [ctx.tenantId]);
    return { ...sampleMergeData(rows[0]?.name ?? ''), unsubscribe_url: links.unsubscribe, preferences_url: links.preferences };
  }
  const data = await mergeDataOfContact(await ctx.em(), ctx.tenantId, fromGlobalId('Contact', contactId, path), links);
  if (!data) throw new NotFoundError('Contact');
  return data;
}

export async function previewForContact(ctx: RequestContext, input: PreviewCampaignTemplateInput): Promise<CampaignTemplatePreviewNode> {
  const template = await getTemplate(ctx, input.templateId, ['input', 'templateId']);
  return previewTemplate(template, await mergeData(ctx, input.contactId, ['input', 'contactId']));
}

function checkedRecipient(channel: MarketingChannel, to: string): string {
  try {
    return channel === MarketingChannel.EMAIL ? EmailAddressScalar.parseValue(to.trim()) : PhoneNumberScalar.parseValue(to.trim());
  } catch (error) {
    throw BadUserInputError.field(['input', 'to'], error instanceof Error ? error.message : 'not an address', channel === MarketingChannel.EMAIL ? 'INVALID_EMAIL' : 'INVALID_PHONE');
  }
}

export async function sendTestMessage(ctx: RequestContext, input: SendTestMessageInput): Promise<boolean> {
  const template = await getTemplate(ctx, input.templateId, ['input', 'templateId']);
  const to = checkedRecipient(template.channel, input.to);
  const rendered = previewTemplate(template, await mergeData(ctx, input.contactId, ['input', 'contactId']));
  const tenantId = ctx.tenantId;
  const app = ctx.app;
  if (template.channel === MarketingChannel.EMAIL) {
    const message = { to, subject: `[Test] ${rendered.subject ?? ''}`, html: rendered.html ?? '', text: rendered.text, headers: { 'X-Kontor-Test': 'true' } };
    ctx.afterCommit(() => enqueueMail(app, tenantId, message));
  } else {
    const job: TestSmsJob = { tenantId, to, body: rendered.text };
    ctx.afterCommit(async () => {
      await app.jobs.add(CAMPAIGN_QUEUE, TEST_SMS_JOB, job);
    });
  }
  return true;
}
