import { graphql } from '../../../gql';

/** The events list: newest first, searched and narrowed by kind and period. */
export const MARKETING_EVENTS = graphql(`
  query MarketingEventsList($first: Int!, $after: String, $filter: MarketingEventFilter) {
    marketingEvents(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          kind
          startsOn
          endsOn
          location
          registered
          attended
          cost {
            amount
            currency
          }
        }
      }
    }
  }
`);

export const MARKETING_EVENT = graphql(`
  query MarketingEventDetail($id: ID!) {
    marketingEvent(id: $id) {
      id
      name
      kind
      startsOn
      endsOn
      location
      notes
      registered
      attended
      createdAt
      cost {
        amount
        currency
      }
    }
  }
`);

/** The event's people by name, page after page. */
export const EVENT_ATTENDEES = graphql(`
  query MarketingEventAttendees($id: ID!, $first: Int!, $after: String) {
    marketingEvent(id: $id) {
      id
      attendees(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            attended
            contact {
              id
              fullName
              email
              customer {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`);

/** The events that started on one day, with what they brought (deals are on): the event's figures. */
export const EVENT_PERFORMANCE = graphql(`
  query MarketingEventPerformance($filter: ReportFilter!) {
    eventPerformance(filter: $filter) {
      event {
        id
      }
      registered
      attended
      deals
      won
      wonAmount {
        amount
        currency
      }
      cost {
        amount
        currency
      }
      returnOnCost
    }
  }
`);

/** People to register: a short list matching what was typed. */
export const EVENT_PEOPLE_OPTIONS = graphql(`
  query MarketingEventPeopleOptions($search: String) {
    contacts(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          fullName
          email
          customer {
            id
            name
          }
        }
      }
    }
  }
`);

export const CONTACT_EVENTS = graphql(`
  query MarketingEventsOfContact($id: ID!) {
    contact(id: $id) {
      id
      events {
        attended
        event {
          id
          name
          startsOn
        }
      }
    }
  }
`);

export const CUSTOMER_EVENTS = graphql(`
  query MarketingEventsOfCustomer($id: ID!) {
    customer(id: $id) {
      id
      events {
        attended
        contact {
          id
          fullName
        }
        event {
          id
          name
          startsOn
        }
      }
    }
  }
`);

export const CREATE_MARKETING_EVENT = graphql(`
  mutation CreateMarketingEvent($input: CreateMarketingEventInput!) {
    createMarketingEvent(input: $input) {
      id
      name
    }
  }
`);

export const UPDATE_MARKETING_EVENT = graphql(`
  mutation UpdateMarketingEvent($input: UpdateMarketingEventInput!) {
    updateMarketingEvent(input: $input) {
      id
    }
  }
`);

export const DELETE_MARKETING_EVENT = graphql(`
  mutation DeleteMarketingEvent($input: DeleteMarketingEventInput!) {
    deleteMarketingEvent(input: $input)
  }
`);

export const ADD_EVENT_ATTENDEES = graphql(`
  mutation AddEventAttendees($input: AddEventAttendeesInput!) {
    addEventAttendees(input: $input) {
      id
      registered
      attended
    }
  }
`);

export const REMOVE_EVENT_ATTENDEE = graphql(`
  mutation RemoveEventAttendee($input: RemoveEventAttendeeInput!) {
    removeEventAttendee(input: $input) {
      id
      registered
      attended
    }
  }
`);

/**
 * Every query that shows events (by operation name: each starts with "MarketingEvent"): the list,
 * an event's page, its people and figures, and the events cards of people and customers.
 */
export const EVENT_QUERY_PREFIX = 'MarketingEvent';
