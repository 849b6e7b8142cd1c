import { graphql } from '../../../gql';

export const SALES_FUNNEL = graphql(`
  query ReportSalesFunnel($filter: ReportFilter!) {
    salesFunnel(filter: $filter) {
      created
      won
      lost
      winRate
      wonAmount {
        amount
        currency
      }
      stages {
        stage {
          id
          name
          position
        }
        reached
        reachedAmount {
          amount
          currency
        }
        conversion
        open
        lost
      }
    }
  }
`);

export const WON_LOST = graphql(`
  query ReportWonLost($filter: ReportFilter!) {
    wonLostReport(filter: $filter) {
      stages {
        stageId
        stageName
        won
        lost
        wonAmount {
          amount
          currency
        }
        lostAmount {
          amount
          currency
        }
        checklistDoneWhenWon
        checklistDoneWhenLost
      }
      lostReasons {
        reason
        count
        amount {
          amount
          currency
        }
      }
    }
  }
`);

export const MANAGER_PERFORMANCE = graphql(`
  query ReportManagers($filter: ReportFilter!) {
    managerPerformance(filter: $filter) {
      manager {
        id
        name
        email
      }
      dealsCreated
      won
      lost
      conversion
      openDeals
      overdueTasks
      tasksCompleted
      wonAmount {
        amount
        currency
      }
      weightedPipeline {
        amount
        currency
      }
      activities {
        calls
        meetings
        emails
        sms
        notes
      }
    }
  }
`);

export const DEALS_BY_SOURCE = graphql(`
  query ReportSources($filter: ReportFilter!) {
    dealsBySource(filter: $filter) {
      channel
      utmCampaign
      created
      won
      winRate
      wonAmount {
        amount
        currency
      }
    }
  }
`);
