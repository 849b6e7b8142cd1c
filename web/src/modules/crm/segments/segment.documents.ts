import { graphql } from '../../../gql';

/** The saved views of one record type, by name, with how many records each holds now. */
export const SEGMENTS = graphql(`
  query Segments($entity: SegmentEntity!) {
    segments(entity: $entity) {
      id
      name
      entity
      filter
      count
    }
  }
`);

/** Every segment's filter, without counts: which ones a custom field's conditions are in. */
export const SEGMENT_FILTERS = graphql(`
  query SegmentFilters {
    segments {
      id
      name
      entity
      filter
    }
  }
`);

export const SEGMENT = graphql(`
  query Segment($id: ID!) {
    segment(id: $id) {
      id
      name
      entity
      filter
      count
      createdAt
      updatedAt
      createdBy {
        id
        name
        email
      }
    }
  }
`);

/** How many people a filter holds: the editor's live count. */
export const CONTACT_FILTER_COUNT = graphql(`
  query ContactFilterCount($filter: ContactFilter) {
    contacts(first: 1, filter: $filter) {
      totalCount
    }
  }
`);

/** How many customers a filter holds: the editor's live count. */
export const CUSTOMER_FILTER_COUNT = graphql(`
  query CustomerFilterCount($filter: CustomerFilter) {
    customers(first: 1, filter: $filter) {
      totalCount
    }
  }
`);

export const CREATE_SEGMENT = graphql(`
  mutation CreateSegment($input: CreateSegmentInput!) {
    createSegment(input: $input) {
      id
      name
      entity
    }
  }
`);

export const UPDATE_SEGMENT = graphql(`
  mutation UpdateSegment($input: UpdateSegmentInput!) {
    updateSegment(input: $input) {
      id
      name
      filter
    }
  }
`);

export const DELETE_SEGMENT = graphql(`
  mutation DeleteSegment($input: DeleteSegmentInput!) {
    deleteSegment(input: $input)
  }
`);

/** Every query a changed segment shows in: the views menus, its page, and the lists showing its members. */
export const SEGMENT_QUERIES = ['Segments', 'SegmentFilters', 'Segment', 'ContactsList', 'CustomersList'];
