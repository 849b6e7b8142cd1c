import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError, type ProblemReason } from './errors.js';

const SCALAR_VARIABLE = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"; (.*)$/s;
const SCALAR_VARIABLE_TOP = /^Variable "\$(\w+)" got invalid value .*?; (.*)$/s;

const SCALAR_REASONS: Record<string, ProblemReason> = { EmailAddress: 'INVALID_EMAIL', PhoneNumber: 'INVALID_PHONE', Currency: 'INVALID_CURRENCY' };

/** The reason a scalar's refusal stands for, from the type the message names ("... Expected type "PhoneNumber"..."). */
function scalarReason(message: string): ProblemReason {
  const type = /Expected type "(\w+)"/.exec(message)?.[1] ?? /\b(EmailAddress|PhoneNumber|Currency)\b/.exec(message)?.[1];
  return (type && SCALAR_REASONS[type]) || 'INVALID';
}

/** Turns a failed variable coercion ("invalid email at input.email") into BAD_USER_INPUT with the field path. */
function inputError(formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  const reason = scalarReason(formatted.message);
  const nested = SCALAR_VARIABLE.exec(formatted.message);
  if (nested?.[2]) {
    const path = nested[2].split('.');
    return { message: `${nested[2]}: ${nested[3] ?? 'invalid value'}`, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', field: nested[2], path, reason } };
  }
  const top = SCALAR_VARIABLE_TOP.exec(formatted.message);
  if (top?.[1]) {
    return { message: `${top[1]}: ${top[2] ?? 'invalid value'}`, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', field: top[1], path: [top[1]], reason } };
  }
  return null;
}

/** Only typed errors reach clients; anything unexpected is logged and answered without internals. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      const { http: _http, ...extensions } = original.extensions;
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    const code = formatted.extensions?.code;
    // A variable a scalar or input type refused: the client's input, with the path inside the variable.
    const variableProblem = inputError(formatted);
    if (variableProblem) return variableProblem;
    // An inline literal a scalar refused (`email: "nope"`): the client's input, not a malformed query.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && error instanceof GraphQLError && error.originalError instanceof TypeError) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (code === 'BAD_USER_INPUT') return { ...formatted, extensions: { code } };
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && !(original instanceof Error && !(original instanceof GraphQLError))) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
