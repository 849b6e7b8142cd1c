import type { CampaignTemplatesListQuery, MarketingChannel } from '../../../gql/graphql';
import { isChannel } from '../shared/channels';

export type TemplateRow = CampaignTemplatesListQuery['campaignTemplates'][number];

/** The templates list as the address describes it (`?channel=SMS`). */
export function readTemplatesChannel(params: URLSearchParams): MarketingChannel | null {
  const channel = params.get('channel');
  return isChannel(channel) ? channel : null;
}

/** What a row says about its message: an email's subject, an SMS's first words. */
export function templateSummary(template: Pick<TemplateRow, 'channel' | 'subject' | 'text'>): string {
  const text = template.channel === 'EMAIL' ? (template.subject ?? '') : (template.text ?? '');
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
