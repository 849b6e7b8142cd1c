import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { AppError } from './errors.js';

// graphql 16 has no exports map, so `import 'graphql'` loads its CommonJS build; the ESM build of
// graphql-query-complexity imports graphql's .mjs files instead, a second realm. Load its CommonJS build.
const { fieldExtensionsEstimator, getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/** A list field costs its children times the page size it asks for (default page 50). */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? args.first : null;
  if (first !== null) return 1 + childComplexity * first;
  return 1 + childComplexity;
};

export function depthRule(maxDepth: number) {
  return depthLimit(maxDepth);
}

/** Refuses an operation whose estimated cost is above the limit, before any resolver runs. */
export function complexityPlugin<T extends object>(schema: GraphQLSchema, maxComplexity: number): ApolloServerPlugin<T> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document }) => {
        const complexity = getComplexity({
          schema,
          operationName: request.operationName,
          query: document,
          variables: request.variables,
          estimators: [fieldExtensionsEstimator(), connectionEstimator],
        });
        if (complexity > maxComplexity) {
          throw new AppError('BAD_USER_INPUT', `Query is too complex: ${complexity} > ${maxComplexity}; ask for smaller pages or fewer fields`, { complexity, maxComplexity });
        }
      },
    }),
  };
}
