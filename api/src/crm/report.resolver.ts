import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { InFeature, InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { dealsBySource, eventPerformance, managerPerformance, salesFunnel, wonLostReport } from './report.service.js';
import { EventPerformanceNode, ManagerPerformanceNode, ReportFilter, SalesFunnelNode, SourcePerformanceNode, WonLostReportNode } from './report.types.js';

/** Sales reports: read in one request each, from indexed, bounded aggregates over the period. */
@Resolver()
@InModule('CRM')
@InFeature('CRM.deals')
export class ReportResolver {
  @Authorized('CRM:read')
  @Query(() => SalesFunnelNode, { description: 'The funnel of one pipeline for the deals created in the period.' })
  salesFunnel(@Ctx() ctx: RequestContext, @Arg('filter') filter: ReportFilter): Promise<SalesFunnelNode> {
    return salesFunnel(ctx, filter);
  }

  @Authorized('CRM:read')
  @Query(() => WonLostReportNode, { description: 'Deals closed in the period: won and lost by stage, checklist discipline, and lost reasons.' })
  wonLostReport(@Ctx() ctx: RequestContext, @Arg('filter') filter: ReportFilter): Promise<WonLostReportNode> {
    return wonLostReport(ctx, filter);
  }

  @Authorized('CRM:read')
  @Query(() => [ManagerPerformanceNode], { description: 'Per member: deals, amounts, conversion, activity and tasks in the period.' })
  managerPerformance(@Ctx() ctx: RequestContext, @Arg('filter') filter: ReportFilter): Promise<ManagerPerformanceNode[]> {
    return managerPerformance(ctx, filter);
  }

  @Authorized('CRM:read')
  @Query(() => [SourcePerformanceNode], { description: 'Deals created in the period by the channel and campaign they came through.' })
  dealsBySource(@Ctx() ctx: RequestContext, @Arg('filter') filter: ReportFilter): Promise<SourcePerformanceNode[]> {
    return dealsBySource(ctx, filter);
  }

  @Authorized('CRM:read')
  @Query(() => [EventPerformanceNode], { description: 'Marketing events that started in the period, with the deals they brought against their cost.' })
  eventPerformance(@Ctx() ctx: RequestContext, @Arg('filter') filter: ReportFilter): Promise<EventPerformanceNode[]> {
    return eventPerformance(ctx, filter);
  }
}
