import { graphql } from '../../../gql';

/** The company's positions directory, alphabetically, with how many people hold each. */
export const POSITIONS = graphql(`
  query Positions {
    positions {
      id
      name
      decisionMaker
      contactCount
    }
  }
`);

export const CREATE_POSITION = graphql(`
  mutation CreatePosition($input: CreatePositionInput!) {
    createPosition(input: $input) {
      id
      name
      decisionMaker
    }
  }
`);

export const UPDATE_POSITION = graphql(`
  mutation UpdatePosition($input: UpdatePositionInput!) {
    updatePosition(input: $input) {
      id
      name
      decisionMaker
    }
  }
`);

export const DELETE_POSITION = graphql(`
  mutation DeletePosition($input: DeletePositionInput!) {
    deletePosition(input: $input)
  }
`);

/** Every query a changed position shows in: the directory, and people with their positions. */
export const POSITION_QUERIES = ['Positions', 'ContactsList', 'ContactDetail', 'CustomerDetail'];

/** The API's limit on a position's name. */
export const POSITION_NAME_MAX = 100;
