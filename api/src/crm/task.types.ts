import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TaskSubjectType } from '../../../schema/crm/task.entity.js';
import { Connection, OrderDirection } from '../graphql/pagination.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { UserNode } from '../platform/users/user.types.js';

registerEnumType(TaskSubjectType, { name: 'TaskSubjectType', description: 'What a task can be about.' });

@ObjectType('Task', { description: 'Something a person must do, by a time, about someone.' })
export class TaskNode {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  dueAt!: Date | null;

  @Field(() => UserNode, { nullable: true, description: 'Who must do it; null when nobody (or a former member) is assigned.' })
  assignee!: UserNode | null;

  @Field(() => TaskSubjectType, { nullable: true })
  subjectType!: TaskSubjectType | null;

  @Field(() => ID, { nullable: true, description: 'The id of the person, customer or deal the task is about.' })
  subjectId!: string | null;

  @Field(() => String, { nullable: true, description: 'Their name, to show without another query.' })
  subjectName!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: Date | null;

  @Field({ description: 'Open and past its due time.' })
  overdue!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const TaskConnection = Connection(TaskNode, 'Task');

export enum TaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  ALL = 'ALL',
}
registerEnumType(TaskStatus, { name: 'TaskStatus' });

export enum TaskOrderField {
  DUE_AT = 'DUE_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TaskOrderField, { name: 'TaskOrderField' });

@InputType()
export class TaskOrder {
  @Field(() => TaskOrderField, { defaultValue: TaskOrderField.DUE_AT, description: 'DUE_AT puts tasks without a due time last.' })
  field!: TaskOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}

@InputType()
export class TaskFilter {
  @Field(() => TaskStatus, { nullable: true, description: 'Default OPEN.' })
  status?: TaskStatus;

  @Field({ nullable: true, description: 'Only the caller’s own tasks.' })
  mine?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only tasks of this person (a User id).' })
  assigneeId?: string;

  @Field({ nullable: true, description: 'Only tasks nobody is assigned to (or a former member).' })
  unassigned?: boolean;

  @Field({ nullable: true, description: 'Only open tasks past their due time.' })
  overdue?: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  dueBefore?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  dueAfter?: Date;

  @Field(() => TaskSubjectType, { nullable: true })
  subjectType?: TaskSubjectType;

  @Field(() => ID, { nullable: true, description: 'With subjectType: only tasks about this person, customer or deal.' })
  subjectId?: string;

  @Field({ nullable: true, description: 'Matches the title or notes (case-insensitive).' })
  search?: string;
}

@InputType()
export class CreateTaskInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'A reminder goes to the assignee at this time.' })
  dueAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'A member (User id); defaults to the caller. Null: nobody.' })
  assigneeId?: string | null;

  @Field(() => TaskSubjectType, { nullable: true })
  subjectType?: TaskSubjectType | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional field.' })
export class UpdateTaskInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Moving it arms a new reminder.' })
  dueAt?: Date | null;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => TaskSubjectType, { nullable: true })
  subjectType?: TaskSubjectType | null;

  @Field(() => ID, { nullable: true })
  subjectId?: string | null;
}

@InputType()
export class CompleteTaskInput {
  @Field(() => ID)
  id!: string;

  @Field({ defaultValue: true, description: 'False reopens it.' })
  done!: boolean;
}

@InputType()
export class DeleteTaskInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType('OverdueTasks', { description: 'How many open tasks are past due, for one assignee.' })
export class OverdueTasksNode {
  @Field(() => UserNode, { nullable: true, description: 'Null: tasks nobody (or a former member) is assigned to.' })
  assignee!: UserNode | null;

  @Field(() => Int)
  count!: number;

  @Field(() => DateTimeScalar, { description: 'The longest-waiting task’s due time.' })
  oldestDueAt!: Date;
}
