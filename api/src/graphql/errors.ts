import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'MODULE_DISABLED'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** Base of every error a client may see; anything else is reported as INTERNAL_SERVER_ERROR. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this', extensions: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, extensions);
  }
}

export class ModuleDisabledError extends AppError {
  constructor(module: string, feature?: string) {
    super(
      'MODULE_DISABLED',
      feature ? `The feature ${feature} is switched off for this company` : `The ${module} module is switched off for this company`,
      feature ? { module, feature } : { module },
    );
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string) {
    super('NOT_FOUND', `${entity} not found`, { entity });
  }
}

/**
 * Why a field was refused, for clients to word in their user's language
 * (the message stays English, for developers and logs).
 */
export type ProblemReason =
  | 'INVALID'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'INVALID_EMAIL'
  | 'INVALID_PHONE'
  | 'INVALID_DOMAIN'
  | 'INVALID_CURRENCY'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_LANGUAGE'
  | 'INVALID_LINK'
  | 'WRONG_PASSWORD'
  | 'ALREADY_EXISTS'
  | 'ALREADY_MEMBER'
  | 'LAST_OWNER'
  | 'NEEDS_MODULES'
  | 'USED_BY_MODULES'
  | 'PASSWORD_EXISTING_ACCOUNT'
  | 'PASSWORD_NEW_ACCOUNT'
  | 'NOT_A_MEMBER'
  | 'INVALID_COUNTRY'
  | 'INVALID_POSTAL_CODE'
  | 'INVALID_IBAN'
  | 'INVALID_BIC'
  | 'INVALID_DATE_RANGE'
  | 'TOO_MANY'
  | 'UNKNOWN_FIELD'
  | 'INVALID_OPTION'
  | 'IN_USE'
  | 'OWN_RECORDS_ONLY'
  | 'OUT_OF_RANGE'
  | 'TOO_MANY_DECIMALS'
  | 'CONTACT_NOT_OF_CUSTOMER'
  | 'CUSTOMER_NOT_OF_DEAL'
  | 'STAGE_NOT_IN_PIPELINE'
  | 'ITEM_NOT_IN_STAGE'
  | 'NO_STAGES'
  | 'HAS_DEALS'
  | 'DEAL_CLOSED'
  | 'DEAL_NOT_CLOSED'
  // Messages to a person: they have no address (or number) of that channel, the one given is not
  // theirs, they refused that channel, the message answered is another person's, or it already has one.
  | 'NO_ADDRESS'
  | 'NOT_CONTACT_ADDRESS'
  | 'NO_CONSENT'
  | 'MESSAGE_NOT_OF_CONTACT'
  | 'ALREADY_ATTACHED'
  // CSV imports: the upload is not CSV or too large; a mapping names a column the file does not
  // have, or one column or field twice; a run is under way, or the file was imported already; a
  // cell is not a number, a date, or yes/no.
  | 'INVALID_CSV'
  | 'TOO_LARGE'
  | 'UNKNOWN_COLUMN'
  | 'MAPPED_TWICE'
  | 'IMPORT_RUNNING'
  | 'ALREADY_IMPORTED'
  | 'INVALID_NUMBER'
  | 'INVALID_DATE'
  | 'INVALID_BOOLEAN'
  // Marketing: a template that does not parse, or is of the other channel; a campaign in a state
  // that does not allow the change; a send time in the past; an audience with nobody in it.
  | 'INVALID_TEMPLATE'
  | 'WRONG_CHANNEL'
  | 'INVALID_STATE'
  | 'IN_PAST'
  | 'EMPTY_AUDIENCE';

export interface FieldProblem {
  /** Path of the offending field inside the mutation's input, e.g. ["input", "email"]. */
  path: string[];
  message: string;
  reason: ProblemReason;
  /** Values the reason's wording needs, e.g. { max: 200 } for TOO_LONG. */
  params?: Record<string, string | number>;
}

export class BadUserInputError extends AppError {
  constructor(problems: FieldProblem[]) {
    const first = problems[0];
    super('BAD_USER_INPUT', first ? `${first.path.join('.')}: ${first.message}` : 'Invalid input', {
      field: first?.path.join('.'),
      path: first?.path,
      reason: first?.reason ?? 'INVALID',
      ...(first?.params ? { params: first.params } : {}),
      problems,
    });
  }

  static field(path: string[], message: string, reason: ProblemReason = 'INVALID', params?: Record<string, string | number>): BadUserInputError {
    return new BadUserInputError([{ path, message, reason, ...(params ? { params } : {}) }]);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string[], reason?: ProblemReason, params?: Record<string, string | number>) {
    super('CONFLICT', message, {
      ...(field ? { field: field.join('.'), path: field } : {}),
      ...(reason ? { reason } : {}),
      ...(params ? { params } : {}),
    });
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    // `http` is read (and removed from the response) by Apollo: the answer is HTTP 429 with Retry-After.
    super('RATE_LIMITED', `Too many requests; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}
