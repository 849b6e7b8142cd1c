import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// SWC (not esbuild) so that decorator metadata reaches type-graphql and MikroORM.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2023',
        keepClassNames: true,
      },
    }),
  ],
  resolve: {
    // graphql 16 has no exports map: Node loads its CommonJS build, Vite would pick its .mjs build.
    // One realm only, or type-graphql rejects our scalars ("another module or realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Decorator metadata (type-graphql, MikroORM) needs the polyfill before any entity or type loads.
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
