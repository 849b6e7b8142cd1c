import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportEntity, ImportStatus, type ImportRowError } from '../../../schema/crm/import.entity.js';
import { Connection } from '../graphql/pagination.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { UserNode } from '../platform/users/user.types.js';
import { ImportDedupeKey, ImportDuplicateAction, ImportField } from './import-fields.js';

registerEnumType(ImportEntity, { name: 'ImportEntity', description: 'What the rows of an imported file become.' });
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  description: 'DRAFT: uploaded, not run. QUEUED and RUNNING: a run is under way. DONE: every row was handled. FAILED: the run stopped (see failureMessage).',
});
registerEnumType(ImportField, { name: 'ImportField', description: 'What a column of an imported file fills in.' });
registerEnumType(ImportDedupeKey, { name: 'ImportDedupeKey', description: 'How a row finds the record it repeats (TAX_ID: customers, by a counterparty\'s tax id).' });
registerEnumType(ImportDuplicateAction, { name: 'ImportDuplicateAction', description: 'SKIP leaves the record as it is; UPDATE gives it the row\'s non-empty values.' });

@ObjectType('ImportColumnMapping', { description: 'One column of the file and the field it fills in.' })
export class ImportColumnMappingNode {
  @Field(() => Int, { description: 'The column, counted from 0 in `headers`.' })
  column!: number;

  @Field(() => ImportField)
  field!: ImportField;

  @Field(() => String, { nullable: true, description: 'With CUSTOM_FIELD: the key of the custom field.' })
  customFieldKey!: string | null;
}

@ObjectType('ImportRowError', { description: 'A refused value of one row; nothing of that row was written.' })
export class ImportRowErrorNode {
  @Field(() => Int, { description: 'The spreadsheet line: the header is line 1, the first row line 2.' })
  row!: number;

  @Field(() => Int, { nullable: true, description: 'The column, counted from 0; null when the problem is not one column\'s.' })
  column!: number | null;

  @Field(() => String, { nullable: true, description: 'The header of that column.' })
  columnName!: string | null;

  @Field(() => ImportField, { nullable: true })
  field!: ImportField | null;

  @Field(() => String, { nullable: true })
  customFieldKey!: string | null;

  @Field(() => [String], { description: 'The field as the API names it, e.g. ["input", "address", "postalCode"].' })
  path!: string[];

  @Field({ description: 'The reason, as in BAD_USER_INPUT errors: REQUIRED, INVALID_EMAIL, INVALID_PHONE, TOO_LONG…' })
  reason!: string;

  @Field({ description: 'In English, for developers and logs.' })
  message!: string;
}

export const ImportRowErrorConnection = Connection(ImportRowErrorNode, 'ImportRowError');

@ObjectType('Import', { description: 'An uploaded CSV file of people or customers, and its run (a dry run, or the real one).' })
export class ImportNode {
  @Field(() => ID)
  id!: string;

  /** Database id and raw errors, for field resolvers; not exposed. */
  uuid!: string;
  /** Null when the node was read without them (lists). */
  rowErrors!: ImportRowError[] | null;
  createdByUuid!: string | null;

  @Field(() => ImportEntity)
  entity!: ImportEntity;

  @Field()
  fileName!: string;

  @Field({ description: 'The delimiter found in the header line: a comma, a semicolon or a tab.' })
  delimiter!: string;

  @Field(() => [String], { description: 'The header line, one name per column.' })
  headers!: string[];

  @Field(() => [[String]], { description: 'The first 5 rows, as parsed.' })
  sampleRows!: string[][];

  @Field(() => ImportStatus)
  status!: ImportStatus;

  @Field({ description: 'Whether the current (or last) run is a dry run: checked, counted, nothing kept.' })
  dryRun!: boolean;

  @Field(() => [ImportColumnMappingNode], { description: 'The mapping of the current (or last) run; empty before the first.' })
  mapping!: ImportColumnMappingNode[];

  @Field(() => [ImportDedupeKey])
  dedupeBy!: ImportDedupeKey[];

  @Field(() => ImportDuplicateAction)
  onDuplicate!: ImportDuplicateAction;

  @Field(() => String, { nullable: true })
  defaultCountry!: string | null;

  @Field(() => String, { nullable: true })
  consentSource!: string | null;

  @Field(() => Int, { description: 'Rows of the file (blank lines aside).' })
  total!: number;

  @Field(() => Int, { description: 'Rows handled so far; with the counts below, committed batch by batch while the run goes on.' })
  processed!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => Int, { description: 'Rows refused: nothing of them was written.' })
  failed!: number;

  @Field(() => Int, { description: 'Refused values found; `errors` lists the first 1,000.' })
  errorCount!: number;

  @Field(() => String, { nullable: true, description: 'Why a FAILED run stopped.' })
  failureMessage!: string | null;

  @Field(() => UserNode, { nullable: true, description: 'The member who uploaded it; null for an API key (or a former member).' })
  createdBy!: UserNode | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  queuedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;
}

export const ImportConnection = Connection(ImportNode, 'Import');

@InputType()
export class ImportColumnMappingInput {
  @Field(() => Int, { description: 'The column, counted from 0 in `headers`.' })
  column!: number;

  @Field(() => ImportField)
  field!: ImportField;

  @Field(() => String, { nullable: true, description: 'With CUSTOM_FIELD: the key of the custom field.' })
  customFieldKey?: string | null;
}

@InputType()
export class RunImportInput {
  @Field(() => ID)
  id!: string;

  @Field(() => [ImportColumnMappingInput], { description: 'Columns left out are not read. People need FIRST_NAME or FULL_NAME, customers NAME.' })
  mapping!: ImportColumnMappingInput[];

  @Field(() => [ImportDedupeKey], { defaultValue: [], description: 'A row matching an existing record (or an earlier row) by any of these is a duplicate.' })
  dedupeBy!: ImportDedupeKey[];

  @Field(() => ImportDuplicateAction, { defaultValue: ImportDuplicateAction.SKIP })
  onDuplicate!: ImportDuplicateAction;

  @Field(() => String, { nullable: true, description: 'ISO country code for phone numbers written without +, such as RO.' })
  defaultCountry?: string | null;

  @Field(() => String, { nullable: true, description: 'How the consent in consent columns was given, such as "trade fair 2026"; required when one is mapped.' })
  consentSource?: string | null;

  @Field({ defaultValue: false, description: 'Check and count every row exactly as a real run would, then keep nothing. A DONE dry run can then be run for real.' })
  dryRun!: boolean;
}
