import { generate } from '@graphql-codegen/cli';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The web build generates its types from schema/schema.graphql with the same preset as web/codegen.ts. */
describe('GraphQL types of the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kontor-codegen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(document: string): Promise<void> {
    const file = join(dir, `screen-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, `import { graphql } from './gql';\nexport const DOC = graphql(\`${document}\`);\n`);
    await generate(
      {
        schema: 'schema/schema.graphql',
        documents: [file],
        silent: true,
        errorsOnly: true,
        generates: { [join(dir, 'gql/')]: { preset: 'client', presetConfig: { fragmentMasking: false }, config: { documentMode: 'string' } } },
      },
      true,
    );
  }

  it('accepts a screen that asks for fields the schema has', async () => {
    await expect(run('query Fine { contacts(first: 5) { totalCount edges { node { id fullName email } } } }')).resolves.toBeUndefined();
  });

  it('fails the build when a screen asks for a field the schema does not have', async () => {
    await expect(run('query Broken { contacts(first: 5) { edges { node { id shoeSize } } } }')).rejects.toThrow(/shoeSize/);
  });
});
