/** One refused field of a mutation's input, as the API reports it. */
export interface FieldProblem {
  path: string[];
  message: string;
  reason?: string;
  params?: Record<string, string | number>;
}

/**
 * The form field a refused input names: its dotted path inside `input` ("email", "address.city",
 * "bankAccounts.0.iban"); null for none. A refused variable may name a list item the way GraphQL
 * writes it ("phones[0].number"): it is the same field.
 */
export function fieldOf(problem: FieldProblem): string | null {
  return (
    problem.path
      .flatMap((part) => part.split(/[.[\]]+/))
      .filter((part) => part !== '' && part !== 'input')
      .join('.') || null
  );
}

/** A typed error of the Kontor API (or of reaching it), ready to be shown in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
    readonly extensions: Record<string, unknown> = {},
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The refused field inside `input` (e.g. "email"), when the error names one. */
  get field(): string | null {
    const first = this.problems[0];
    return first ? fieldOf(first) : null;
  }

  static network(cause: unknown): ApiError {
    return new ApiError('NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }
}

interface WireError {
  message?: string;
  extensions?: Record<string, unknown>;
}

function stringArray(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((part) => typeof part === 'string') ? value : null;
}

/** Parameters of a reason, as sent: only strings and numbers are kept. */
function paramsOf(value: unknown): Record<string, string | number> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const out: Record<string, string | number> = {};
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string' || typeof entry === 'number') out[key] = entry;
  return out;
}

function problemsOf(extensions: Record<string, unknown>, message: string): FieldProblem[] {
  const listed = extensions.problems;
  if (Array.isArray(listed)) {
    return listed.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const record: Record<string, unknown> = { ...entry };
      const path = stringArray(record.path);
      if (!path) return [];
      return [{ path, message: typeof record.message === 'string' ? record.message : message, reason: typeof record.reason === 'string' ? record.reason : undefined, params: paramsOf(record.params) }];
    });
  }
  const path = stringArray(extensions.path);
  if (path) {
    const reason = typeof extensions.reason === 'string' ? extensions.reason : undefined;
    return [{ path, message, reason, params: paramsOf(extensions.params) }];
  }
  return [];
}

/** The first error of a GraphQL answer as an ApiError. */
export function apiErrorFrom(errors: WireError[], retryAfterHeader: string | null): ApiError {
  const first = errors[0] ?? {};
  const extensions = first.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const message = first.message ?? code;
  const retry = typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : retryAfterHeader ? Number(retryAfterHeader) : null;
  return new ApiError(code, message, problemsOf(extensions, message), extensions, Number.isFinite(retry) ? retry : null);
}
