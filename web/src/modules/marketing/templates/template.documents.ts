import { graphql } from '../../../gql';

/** Templates by name (at most 500), of one channel or both: the list and the campaign editor's pickers. */
export const CAMPAIGN_TEMPLATES = graphql(`
  query CampaignTemplatesList($channel: MarketingChannel) {
    campaignTemplates(channel: $channel) {
      id
      name
      channel
      subject
      text
      updatedAt
    }
  }
`);

export const CAMPAIGN_TEMPLATE = graphql(`
  query CampaignTemplateDetail($id: ID!) {
    campaignTemplate(id: $id) {
      id
      name
      channel
      subject
      preheader
      html
      text
      createdAt
      updatedAt
    }
  }
`);

/** The saved template rendered by the API for one person (or sample data), exactly as it is sent. */
export const PREVIEW_CAMPAIGN_TEMPLATE = graphql(`
  query CampaignTemplatePreview($input: PreviewCampaignTemplateInput!) {
    previewCampaignTemplate(input: $input) {
      subject
      html
      text
      sms {
        encoding
        segments
        characters
      }
    }
  }
`);

export const CREATE_CAMPAIGN_TEMPLATE = graphql(`
  mutation CreateCampaignTemplate($input: CreateCampaignTemplateInput!) {
    createCampaignTemplate(input: $input) {
      id
      name
      channel
    }
  }
`);

export const UPDATE_CAMPAIGN_TEMPLATE = graphql(`
  mutation UpdateCampaignTemplate($input: UpdateCampaignTemplateInput!) {
    updateCampaignTemplate(input: $input) {
      id
      name
      updatedAt
    }
  }
`);

export const DELETE_CAMPAIGN_TEMPLATE = graphql(`
  mutation DeleteCampaignTemplate($input: DeleteCampaignTemplateInput!) {
    deleteCampaignTemplate(input: $input)
  }
`);

export const SEND_TEST_MESSAGE = graphql(`
  mutation SendTestMessage($input: SendTestMessageInput!) {
    sendTestMessage(input: $input)
  }
`);

/** Every query that shows templates (the list, the editor, its preview, and the campaign pages naming one). */
export const TEMPLATE_QUERIES = ['CampaignTemplatesList', 'CampaignTemplateDetail', 'CampaignTemplatePreview', 'CampaignDetail'];
