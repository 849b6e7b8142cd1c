import { graphql } from '../../../gql';

/** The automations list: newest first, narrowed by status, each with its trigger and how many people are in it. */
export const AUTOMATIONS = graphql(`
  query AutomationsList($first: Int!, $after: String, $filter: AutomationFilter) {
    automations(first: $first, after: $after, filter: $filter) {
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
          status
          activatedAt
          trigger {
            kind
            segmentId
            includeExisting
            pipelineId
            stageId
            customFieldKey
            dateMode
            hour
          }
          stats {
            runs
            active
            done
            stopped
          }
        }
      }
    }
  }
`);

/** One automation with everything its builder and its page show. */
export const AUTOMATION = graphql(`
  query AutomationDetail($id: ID!) {
    automation(id: $id) {
      id
      name
      status
      activatedAt
      createdAt
      updatedAt
      trigger {
        kind
        segmentId
        includeExisting
        pipelineId
        stageId
        customFieldKey
        dateMode
        hour
      }
      steps {
        id
        position
        kind
        days
        hours
        templateId
        segmentId
        contactFilter
      }
      stats {
        runs
        active
        done
        stopped
        steps {
          position
          kind
          passed
          skipped
          stopped
        }
        messages {
          queued
          sending
          sent
          delivered
          bounced
          failed
          opened
          clicked
          unsubscribed
        }
      }
    }
  }
`);

/** The people who went (or go) through an automation, newest first, a page at a time. */
export const AUTOMATION_RUNS = graphql(`
  query AutomationRuns($id: ID!, $first: Int!, $after: String, $filter: AutomationRunFilter) {
    automation(id: $id) {
      id
      runs(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            status
            stepPosition
            nextRunAt
            createdAt
            finishedAt
            contact {
              id
              fullName
              email
            }
          }
        }
      }
    }
  }
`);

/** Pipelines and their stages, by name: the deal triggers' pickers and their words. */
export const AUTOMATION_PIPELINES = graphql(`
  query AutomationPipelineOptions {
    pipelines {
      id
      name
      stages {
        id
        name
      }
    }
  }
`);

export const CREATE_AUTOMATION = graphql(`
  mutation CreateAutomation($input: CreateAutomationInput!) {
    createAutomation(input: $input) {
      id
      name
      status
    }
  }
`);

export const UPDATE_AUTOMATION = graphql(`
  mutation UpdateAutomation($input: UpdateAutomationInput!) {
    updateAutomation(input: $input) {
      id
      name
      status
    }
  }
`);

export const ACTIVATE_AUTOMATION = graphql(`
  mutation ActivateAutomation($input: AutomationIdInput!) {
    activateAutomation(input: $input) {
      id
      status
      activatedAt
    }
  }
`);

export const PAUSE_AUTOMATION = graphql(`
  mutation PauseAutomation($input: AutomationIdInput!) {
    pauseAutomation(input: $input) {
      id
      status
    }
  }
`);

export const DELETE_AUTOMATION = graphql(`
  mutation DeleteAutomation($input: AutomationIdInput!) {
    deleteAutomation(input: $input)
  }
`);

/** Every query that shows automations (by operation name: the list, one's page and builder, its runs). */
export const AUTOMATION_QUERIES = ['AutomationsList', 'AutomationDetail', 'AutomationRuns'];
