import { graphql } from '../../../gql';

export const TASKS_LIST = graphql(`
  query TasksList($first: Int!, $after: String, $filter: TaskFilter, $orderBy: TaskOrder) {
    tasks(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
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
          dueAt
          overdue
          completedAt
          subjectType
          subjectId
          subjectName
          assignee {
            id
            name
            email
          }
        }
      }
    }
  }
`);

/** Whether the company has any task at all (the first-run screen). */
export const TASKS_TOTAL = graphql(`
  query TasksTotal {
    tasks(first: 1, filter: { status: ALL }) {
      totalCount
    }
  }
`);

export const TASK_DETAIL = graphql(`
  query TaskDetail($id: ID!) {
    task(id: $id) {
      id
      title
      notes
      dueAt
      overdue
      completedAt
      subjectType
      subjectId
      subjectName
      createdAt
      updatedAt
      assignee {
        id
        name
        email
      }
    }
  }
`);

export const OVERDUE_TASKS = graphql(`
  query OverdueTasks {
    overdueTasks {
      count
      oldestDueAt
      assignee {
        id
        name
        email
      }
    }
  }
`);

/** Who a task can be given to. */
export const TASK_ASSIGNEES = graphql(`
  query TaskAssignees {
    members {
      role
      user {
        id
        name
        email
      }
    }
  }
`);

export const TASK_CONTACT_OPTIONS = graphql(`
  query TaskContactOptions($search: String) {
    contacts(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          fullName
          email
        }
      }
    }
  }
`);

export const CREATE_TASK = graphql(`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      id
      title
    }
  }
`);

export const UPDATE_TASK = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      id
    }
  }
`);

export const COMPLETE_TASK = graphql(`
  mutation CompleteTask($input: CompleteTaskInput!) {
    completeTask(input: $input) {
      id
      completedAt
    }
  }
`);

export const DELETE_TASK = graphql(`
  mutation DeleteTask($input: DeleteTaskInput!) {
    deleteTask(input: $input)
  }
`);

/** Every query a changed task shows in, the histories of people and customers included. */
export const TASK_QUERIES = ['TasksList', 'TasksTotal', 'TaskDetail', 'OverdueTasks', 'Timeline'];

/** The lists a deleted task leaves. */
export const TASK_LIST_QUERIES = ['TasksList', 'TasksTotal', 'OverdueTasks', 'Timeline'];
