import type { CreateTaskInput, TaskDetailQuery, TaskSubjectType, UpdateTaskInput } from '../../../gql/graphql';
import { optional } from '../../../lib/validators';

export const TITLE_MAX = 300;
export const NOTES_MAX = 10_000;

/** The assignee field's value for "Nobody". */
export const NOBODY = 'nobody';

/** What a task is about, with its name to show before any lookup. */
export interface TaskSubject {
  type: TaskSubjectType;
  id: string;
  name: string | null;
}

/** What the task form edits; field names match the API's input, so its errors land on the right field. */
export interface TaskFormValues {
  title: string;
  notes: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone (a datetime-local input), or ''. */
  dueAt: string;
  /** A member's id, or NOBODY. */
  assigneeId: string;
  subjectType: TaskSubjectType | null;
  subjectId: string | null;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** An ISO time as a datetime-local value, in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (the browser's time zone) as an ISO time; null when empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function emptyTask(meId: string | null, subject: TaskSubject | null = null): TaskFormValues {
  return { title: '', notes: '', dueAt: '', assigneeId: meId ?? NOBODY, subjectType: subject?.type ?? null, subjectId: subject?.id ?? null };
}

export function taskFormValues(task: TaskDetailQuery['task']): TaskFormValues {
  return {
    title: task.title,
    notes: task.notes ?? '',
    dueAt: toLocalInput(task.dueAt ?? null),
    assigneeId: task.assignee?.id ?? NOBODY,
    subjectType: task.subjectType ?? null,
    subjectId: task.subjectId ?? null,
  };
}

interface Cleaned {
  title: string;
  notes: string | null;
  dueAt: string | null;
  assigneeId: string | null;
  subjectType: TaskSubjectType | null;
  subjectId: string | null;
}

/** The values as the API wants them: trimmed, empty means null, the due time in ISO. */
function cleaned(values: TaskFormValues): Cleaned {
  const subject = values.subjectType && values.subjectId ? { subjectType: values.subjectType, subjectId: values.subjectId } : { subjectType: null, subjectId: null };
  return {
    title: values.title.trim(),
    notes: optional(values.notes),
    dueAt: fromLocalInput(values.dueAt),
    assigneeId: values.assigneeId === NOBODY ? null : values.assigneeId,
    ...subject,
  };
}

export function createTaskInput(values: TaskFormValues): CreateTaskInput {
  const { title, notes, dueAt, assigneeId, subjectType, subjectId } = cleaned(values);
  // An explicit null assigns nobody (omitting it would assign the caller).
  const input: CreateTaskInput = { title, assigneeId };
  if (notes) input.notes = notes;
  if (dueAt) input.dueAt = dueAt;
  if (subjectType && subjectId) {
    input.subjectType = subjectType;
    input.subjectId = subjectId;
  }
  return input;
}

/** Only what changed (null clears an optional field); null when nothing did. */
export function changedTaskInput(id: string, initial: TaskFormValues, values: TaskFormValues): UpdateTaskInput | null {
  const before = cleaned(initial);
  const after = cleaned(values);
  const input: UpdateTaskInput = { id };
  let changed = false;
  if (after.title !== before.title) {
    input.title = after.title;
    changed = true;
  }
  if (after.notes !== before.notes) {
    input.notes = after.notes;
    changed = true;
  }
  if (after.dueAt !== before.dueAt) {
    input.dueAt = after.dueAt;
    changed = true;
  }
  if (after.assigneeId !== before.assigneeId) {
    input.assigneeId = after.assigneeId;
    changed = true;
  }
  // The subject's type and id go together.
  if (after.subjectType !== before.subjectType || after.subjectId !== before.subjectId) {
    input.subjectType = after.subjectType;
    input.subjectId = after.subjectId;
    changed = true;
  }
  return changed ? input : null;
}
