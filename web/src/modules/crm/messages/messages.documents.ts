import { graphql } from '../../../gql';

/** What the send dialogs need of the person: their addresses and numbers (main first) and consent. */
export const MESSAGE_CONTACT = graphql(`
  query MessageContact($id: ID!) {
    contact(id: $id) {
      id
      fullName
      emailConsent
      smsConsent
      emails {
        address
        type
      }
      phones {
        number
        type
      }
    }
  }
`);

export const SEND_EMAIL_TO_CONTACT = graphql(`
  mutation SendEmailToContact($input: SendEmailToContactInput!) {
    sendEmailToContact(input: $input) {
      id
      channel
      status
      to
      subject
      interactionId
      createdAt
    }
  }
`);

export const SEND_SMS_TO_CONTACT = graphql(`
  mutation SendSmsToContact($input: SendSmsToContactInput!) {
    sendSmsToContact(input: $input) {
      id
      channel
      status
      to
      segments
      interactionId
      createdAt
    }
  }
`);

/**
 * Queries that show a person's history or messages, asked again once a message is queued (by
 * operation name: the timeline's, the interactions', and any messages list named `Messages…`).
 */
export const MESSAGE_HISTORY_QUERIES = ['Timeline', 'Interactions', 'Messages', 'ContactMessages'];
