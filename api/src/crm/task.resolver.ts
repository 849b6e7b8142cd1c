import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { InFeature, InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { completeTask, createTask, deleteTask, getTask, listTasks, overdueTasks, updateTask } from './task.service.js';
import { CompleteTaskInput, CreateTaskInput, DeleteTaskInput, OverdueTasksNode, TaskConnection, TaskFilter, TaskNode, TaskOrder, UpdateTaskInput } from './task.types.js';

@ArgsType()
export class TasksArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => TaskFilter, { nullable: true })
  filter?: TaskFilter;

  @Field(() => TaskOrder, { nullable: true })
  orderBy?: TaskOrder;
}

@Resolver(() => TaskNode)
@InModule('CRM')
@InFeature('CRM.tasks')
export class TaskResolver {
  @Authorized('CRM:read')
  @Query(() => TaskNode, { description: 'One task; NOT_FOUND when it does not exist in this company.' })
  task(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<TaskNode> {
    return getTask(ctx, id);
  }

  @Authorized('CRM:read')
  @Query(() => TaskConnection, { description: 'Tasks, open ones by default, soonest due first.' })
  tasks(@Ctx() ctx: RequestContext, @Args() args: TasksArgs): Promise<ConnectionResult<TaskNode>> {
    return listTasks(ctx, args);
  }

  @Authorized('CRM:read')
  @Query(() => [OverdueTasksNode], { description: 'Open tasks past due, counted per assignee (a short list: not paginated).' })
  overdueTasks(@Ctx() ctx: RequestContext): Promise<OverdueTasksNode[]> {
    return overdueTasks(ctx);
  }

  @Authorized('CRM:write')
  @Mutation(() => TaskNode, { description: 'A reminder reaches the assignee (in the app and by email) at the due time.' })
  createTask(@Ctx() ctx: RequestContext, @Arg('input') input: CreateTaskInput): Promise<TaskNode> {
    return createTask(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => TaskNode)
  updateTask(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateTaskInput): Promise<TaskNode> {
    return updateTask(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => TaskNode, { description: 'Marks a task done (or, with done: false, open again).' })
  completeTask(@Ctx() ctx: RequestContext, @Arg('input') input: CompleteTaskInput): Promise<TaskNode> {
    return completeTask(ctx, input.id, input.done);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes a task; returns its id.' })
  deleteTask(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteTaskInput): Promise<string> {
    return deleteTask(ctx, input.id);
  }
}
