import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** What a file's rows become. */
export enum ImportEntity {
  CONTACT = 'CONTACT',
  CUSTOMER = 'CUSTOMER',
}

/**
 * DRAFT: uploaded, not run yet. QUEUED: waiting for the `import` worker. RUNNING: batches are being
 * written (or checked, in a dry run). DONE: every row was handled. FAILED: the run stopped for a
 * reason that is not one row's (the importer left the company, a repeated server error).
 */
export enum ImportStatus {
  DRAFT = 'DRAFT',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** One column of the file mapped to a field (ImportField in GraphQL); `customFieldKey` with CUSTOM_FIELD. */
export interface ImportColumnMapping {
  column: number;
  field: string;
  customFieldKey: string | null;
}

export interface ImportOptions {
  /** EMAIL, PHONE, TAX_ID: how a row finds the record it repeats. */
  dedupeBy: string[];
  /** SKIP or UPDATE. */
  onDuplicate: string;
  /** ISO country of phone numbers written without +. */
  defaultCountry: string | null;
  /** Recorded in the consent history of consent columns. */
  consentSource: string | null;
}

/** A refused row: `row` is the spreadsheet line (the header is line 1), `column` the 0-based column. */
export interface ImportRowError {
  row: number;
  column: number | null;
  field: string | null;
  customFieldKey: string | null;
  /** The refused field as the service named it, e.g. ["input", "address", "postalCode"]. */
  path: string[];
  reason: string;
  message: string;
}

/**
 * An uploaded CSV file and its runs. The text is kept (BOM stripped) so a run, or a run resumed after
 * a crash, reads exactly what was uploaded; `processed` counts the rows of finished batches, so a
 * resumed run starts at the first unfinished one.
 */
@Entity({ tableName: 'crm_imports' })
@TenantFilter()
@Index({ name: 'crm_imports_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
export class Import extends TenantOwnedEntity {
  @Enum({ items: () => ImportEntity, nativeEnumName: 'crm_import_entity' })
  entity!: ImportEntity;

  @Property({ type: 'text' })
  fileName!: string;

  /** Up to 20 MB: loaded only when a run reads it. */
  @Property({ type: 'text', lazy: true })
  csvText!: string;

  @Property({ type: 'text' })
  delimiter!: string;

  @Property({ type: 'jsonb' })
  headers!: string[];

  /** The first rows as parsed at upload, for the mapping screen. */
  @Property({ type: 'jsonb' })
  sampleRows: Opt<string[][]> = [];

  @Enum({ items: () => ImportStatus, nativeEnumName: 'crm_import_status' })
  status: Opt<ImportStatus> = ImportStatus.DRAFT;

  @Property({ type: 'boolean' })
  dryRun: Opt<boolean> = false;

  @Property({ type: 'jsonb' })
  mapping: Opt<ImportColumnMapping[]> = [];

  @Property({ type: 'jsonb' })
  options: Opt<ImportOptions> = { dedupeBy: [], onDuplicate: 'SKIP', defaultCountry: null, consentSource: null };

  /** Data rows of the file (blank lines aside). */
  @Property({ type: 'integer' })
  total: Opt<number> = 0;

  @Property({ type: 'integer' })
  processed: Opt<number> = 0;

  @Property({ type: 'integer' })
  created: Opt<number> = 0;

  @Property({ type: 'integer' })
  updated: Opt<number> = 0;

  @Property({ type: 'integer' })
  skipped: Opt<number> = 0;

  @Property({ type: 'integer' })
  failed: Opt<number> = 0;

  /** Every refused field found; `errors` keeps the first 1,000. */
  @Property({ type: 'integer' })
  errorCount: Opt<number> = 0;

  @Property({ type: 'jsonb' })
  errors: Opt<ImportRowError[]> = [];

  /** Each runImport starts a new run; its job carries the number, so a job of an earlier run does nothing. */
  @Property({ type: 'integer' })
  run: Opt<number> = 0;

  /** Who uploaded it: a member, or a partner's API key. */
  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdByApiKeyId?: string | null;

  /** Who started the current run: the job acts as them, with their permissions at the time it runs. */
  @Property({ type: 'uuid', nullable: true })
  runById?: string | null;

  @Property({ type: 'uuid', nullable: true })
  runByApiKeyId?: string | null;

  @Property({ type: 'text', nullable: true })
  failureMessage?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  queuedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}
