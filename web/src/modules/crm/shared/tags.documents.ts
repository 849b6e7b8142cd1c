import { graphql } from '../../../gql';

/** Tags in use on customers and people, the most used first: the suggestions of every tags field. */
export const CRM_TAGS = graphql(`
  query CrmTags {
    crmTags
  }
`);
