import { graphql } from '../../../gql';

/** The company's pipelines in order, each with its stages and their checklists. */
export const PIPELINES = graphql(`
  query DealPipelines {
    pipelines {
      id
      name
      position
      stages {
        id
        name
        position
        probability
        rottingDays
        checklist {
          id
          title
          position
        }
      }
    }
  }
`);

/** A pipeline's board: per stage its open deals in board order, their count and totals per currency. */
export const DEAL_BOARD = graphql(`
  query DealBoard($pipelineId: ID!, $firstPerStage: Int) {
    dealBoard(pipelineId: $pipelineId, firstPerStage: $firstPerStage) {
      count
      totalAmount {
        amount
        currency
      }
      stage {
        id
        name
        position
        probability
        rottingDays
      }
      deals {
        id
        title
        position
        expectedCloseDate
        rotting
        daysWithoutActivity
        probability
        amount {
          amount
          currency
        }
        customer {
          id
          name
        }
        owner {
          id
          name
          email
        }
      }
    }
  }
`);

export const DEALS_LIST = graphql(`
  query DealsList($first: Int!, $after: String, $filter: DealFilter, $orderBy: DealOrder) {
    deals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          title
          status
          expectedCloseDate
          rotting
          daysWithoutActivity
          probability
          closedAt
          amount {
            amount
            currency
          }
          stage {
            id
            name
          }
          customer {
            id
            name
          }
          owner {
            id
            name
            email
          }
        }
      }
    }
  }
`);

/** Whether the company has any deal at all (the first-run screen). */
export const DEALS_TOTAL = graphql(`
  query DealsTotal {
    deals(first: 1) {
      totalCount
    }
  }
`);

export const DEAL_DETAIL = graphql(`
  query DealDetail($id: ID!, $withCustomFields: Boolean = false) {
    deal(id: $id) {
      id
      title
      customFields @include(if: $withCustomFields) {
        key
        type
        text
        number
        date
        boolean
        options
      }
      status
      probability
      probabilityOverridden
      expectedCloseDate
      closeReason
      closedAt
      createdAt
      updatedAt
      lastActivityAt
      stageEnteredAt
      daysWithoutActivity
      rotting
      amount {
        amount
        currency
      }
      customer {
        id
        name
      }
      contact {
        id
        fullName
      }
      owner {
        id
        name
        email
      }
      pipeline {
        id
        name
        stages {
          id
          name
          position
          probability
        }
      }
      stage {
        id
        name
        probability
        rottingDays
      }
      source {
        channel
        utmSource
        utmMedium
        utmCampaign
        event {
          id
          name
        }
      }
      checklist {
        id
        title
        done
        doneAt
        doneBy {
          id
          name
          email
        }
      }
      stageHistory {
        id
        kind
        changedAt
        changedBy {
          id
          name
          email
        }
        fromStageName
        toStageName
        checklistDone
        checklistTotal
        reason
        statusAfter
      }
    }
  }
`);

/** The people of a customer: whom a deal (or something logged on it) is with. */
export const DEAL_CUSTOMER_PEOPLE = graphql(`
  query DealCustomerPeople($customerId: ID!) {
    contacts(first: 100, filter: { customerId: $customerId }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          fullName
        }
      }
    }
  }
`);

/** The marketing events a deal may have come from (the form's source section). */
export const DEAL_MARKETING_EVENTS = graphql(`
  query DealMarketingEvents {
    marketingEvents(first: 100) {
      edges {
        node {
          id
          name
          startsOn
        }
      }
    }
  }
`);

/** A customer's deals, newest first (on the customer's card). */
export const CUSTOMER_DEALS = graphql(`
  query CustomerDeals($customerId: ID!, $first: Int!) {
    customer(id: $customerId) {
      id
      name
      deals(first: $first) {
        totalCount
        edges {
          node {
            id
            title
            status
            expectedCloseDate
            rotting
            daysWithoutActivity
            amount {
              amount
              currency
            }
            stage {
              id
              name
            }
            owner {
              id
              name
              email
            }
          }
        }
      }
    }
  }
`);

/**
 * A deal's history, newest first: what was logged about it, its tasks, and its stage changes. Named
 * "Timeline…" so that logging or deleting an interaction anywhere asks it again (timeline/). Its
 * interaction fields are timeline/'s TIMELINE's, so that timeline/'s InteractionEntry shows them.
 */
export const DEAL_TIMELINE = graphql(`
  query TimelineOfDeal($subject: TimelineSubject!, $first: Int!, $after: String) {
    timeline(subject: $subject, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          kind
          at
          interaction {
            id
            kind
            direction
            occurredAt
            durationSeconds
            outcome
            subject
            body
            contactId
            contactName
            customerId
            customerName
            createdAt
            loggedBy {
              id
              name
              email
            }
            message {
              id
              channel
              status
              error
              subject
            }
          }
          task {
            id
            title
            completedAt
          }
          stageChange {
            id
            kind
            fromStageName
            toStageName
            reason
            checklistDone
            checklistTotal
            changedBy {
              id
              name
              email
            }
          }
        }
      }
    }
  }
`);

export const CREATE_DEAL = graphql(`
  mutation CreateDeal($input: CreateDealInput!) {
    createDeal(input: $input) {
      id
      title
    }
  }
`);

export const UPDATE_DEAL = graphql(`
  mutation UpdateDeal($input: UpdateDealInput!) {
    updateDeal(input: $input) {
      id
      title
    }
  }
`);

export const MOVE_DEAL = graphql(`
  mutation MoveDeal($input: MoveDealInput!) {
    moveDeal(input: $input) {
      id
      position
      stage {
        id
        name
      }
    }
  }
`);

export const CLOSE_DEAL = graphql(`
  mutation CloseDeal($input: CloseDealInput!) {
    closeDeal(input: $input) {
      id
      title
      status
    }
  }
`);

export const REOPEN_DEAL = graphql(`
  mutation ReopenDeal($input: ReopenDealInput!) {
    reopenDeal(input: $input) {
      id
      title
      status
    }
  }
`);

export const DELETE_DEAL = graphql(`
  mutation DeleteDeal($input: DeleteDealInput!) {
    deleteDeal(input: $input)
  }
`);

export const SET_DEAL_CHECKLIST_ITEM = graphql(`
  mutation SetDealChecklistItem($input: SetDealChecklistItemInput!) {
    setDealChecklistItem(input: $input) {
      id
      checklist {
        id
        done
      }
    }
  }
`);

export const CREATE_PIPELINE = graphql(`
  mutation CreatePipeline($input: CreatePipelineInput!) {
    createPipeline(input: $input) {
      id
      name
    }
  }
`);

export const UPDATE_PIPELINE = graphql(`
  mutation UpdatePipeline($input: UpdatePipelineInput!) {
    updatePipeline(input: $input) {
      id
      name
    }
  }
`);

export const DELETE_PIPELINE = graphql(`
  mutation DeletePipeline($input: DeletePipelineInput!) {
    deletePipeline(input: $input)
  }
`);

export const REORDER_PIPELINE_STAGES = graphql(`
  mutation ReorderPipelineStages($input: ReorderPipelineStagesInput!) {
    reorderPipelineStages(input: $input) {
      id
    }
  }
`);

export const CREATE_PIPELINE_STAGE = graphql(`
  mutation CreatePipelineStage($input: CreatePipelineStageInput!) {
    createPipelineStage(input: $input) {
      id
      name
    }
  }
`);

export const UPDATE_PIPELINE_STAGE = graphql(`
  mutation UpdatePipelineStage($input: UpdatePipelineStageInput!) {
    updatePipelineStage(input: $input) {
      id
      name
    }
  }
`);

export const DELETE_PIPELINE_STAGE = graphql(`
  mutation DeletePipelineStage($input: DeletePipelineStageInput!) {
    deletePipelineStage(input: $input)
  }
`);

export const CREATE_STAGE_CHECKLIST_ITEM = graphql(`
  mutation CreateStageChecklistItem($input: CreateStageChecklistItemInput!) {
    createStageChecklistItem(input: $input) {
      id
      title
    }
  }
`);

export const UPDATE_STAGE_CHECKLIST_ITEM = graphql(`
  mutation UpdateStageChecklistItem($input: UpdateStageChecklistItemInput!) {
    updateStageChecklistItem(input: $input) {
      id
      title
    }
  }
`);

export const DELETE_STAGE_CHECKLIST_ITEM = graphql(`
  mutation DeleteStageChecklistItem($input: DeleteStageChecklistItemInput!) {
    deleteStageChecklistItem(input: $input)
  }
`);

/** Every query a changed deal shows in: the board, the lists, its page, its customer's card and its history. */
export const DEAL_QUERIES = ['DealBoard', 'DealsList', 'DealsTotal', 'DealDetail', 'CustomerDeals', 'TimelineOfDeal', 'Timeline'];

/** Every query a changed pipeline, stage or checklist item shows in. */
export const PIPELINE_QUERIES = ['DealPipelines', 'DealBoard', 'DealsList', 'DealDetail', 'CustomerDeals'];
