import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { KontorFieldExtensions } from './guards.js';
import depthLimit from 'graphql-depth-limit';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { AppError } from './errors.js';
import { DEFAULT_PAGE_SIZE } from './pagination.js';

// graphql 16 has no exports map, so `import 'graphql'` loads its CommonJS build; the ESM build of
// graphql-query-complexity imports graphql's .mjs files instead, a second realm. Load its CommonJS build.
const { fieldExtensionsEstimator, getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/**
 * A list field costs its children times the page size it asks for; without `first` it gets the
 * default page of 50. Any field with a `first` argument is a list.
 */
const connectionEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const isList = field.args.some((arg) => arg.name === 'first');
  if (!isList) return 1 + childComplexity;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * first;
};

export function depthRule(maxDepth: number) {
  return depthLimit(maxDepth);
}

/** Errors thrown by plugins are answered 500 unless they name their status. */
const BAD_REQUEST = { status: 400 };

/** Variables longer than this are costed every time: keying them would cost about as much. */
const MAX_KEY_LENGTH = 2_000;
const MAX_KEYS_PER_DOCUMENT = 200;

function cacheKey(operationName: string | undefined, variables: Record<string, unknown> | undefined): string | null {
  const key = `${operationName ?? ''}\u0000${variables ? JSON.stringify(variables) : ''}`;
  return key.length <= MAX_KEY_LENGTH ? key : null;
}

function remember(costs: WeakMap<DocumentNode, Map<string, number>>, document: DocumentNode, key: string, complexity: number): void {
  let byKey = costs.get(document);
  if (!byKey) costs.set(document, (byKey = new Map()));
  // A bounded memo: an app asks the same few operations with the same few variables over and over.
  if (byKey.size >= MAX_KEYS_PER_DOCUMENT) byKey.clear();
  byKey.set(key, complexity);
}

/** Refuses an operation whose estimated cost is above the limit, before any resolver runs. */
export function complexityPlugin<T extends object>(schema: GraphQLSchema, maxComplexity: number): ApolloServerPlugin<T> {
  // Apollo hands back the same parsed document for the same query text, so its cost per set of
  // variables is computed once.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document, operation }) => {
        if (operation?.operation === 'mutation' && operation.selectionSet.selections.length > 1) {
          const fields = schema.getMutationType()?.getFields() ?? {};
          for (const selection of operation.selectionSet.selections) {
            if (selection.kind !== Kind.FIELD) continue;
            const extensions = (fields[selection.name.value]?.extensions ?? {}) as KontorFieldExtensions;
            if (extensions.standalone) {
              throw new AppError('BAD_USER_INPUT', `${selection.name.value} commits on its own and must be the only field of its mutation`, { field: selection.name.value, http: BAD_REQUEST });
            }
          }
        }
        const key = cacheKey(request.operationName, request.variables);
        let complexity = key === null ? undefined : costs.get(document)?.get(key);
        if (complexity === undefined) {
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), connectionEstimator],
            });
          } catch (error) {
            // Variables that do not fit their types: execution refuses them with the field path (HTTP 400).
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (key !== null) remember(costs, document, key, complexity);
        }
        if (complexity > maxComplexity) {
          throw new AppError('BAD_USER_INPUT', `Query is too complex: ${complexity} > ${maxComplexity}; ask for smaller pages or fewer fields`, { complexity, maxComplexity, http: BAD_REQUEST });
        }
      },
    }),
  };
}
