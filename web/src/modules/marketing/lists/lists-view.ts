import type { SubscriptionListsQuery } from '../../../gql/graphql.js';

export type ListRow = SubscriptionListsQuery['subscriptionLists'][number];
