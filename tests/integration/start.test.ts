import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const NODE = process.execPath;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs the compiled `npm start` entry point with no DATABASE_URL: the embedded PostgreSQL path. */
async function start(dataDir: string, pgPort: number): Promise<Running> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.SMTP_URL;
  const child = spawn(NODE, ['dist/infra/start.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Kontor did not start in time:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/localhost:\d+)".*"msg":"Kontor is up"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Kontor exited with ${code}:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

async function stop(running: Running): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));
  running.child.kill('SIGTERM');
  return exited;
}

async function gql<T>(url: string, query: string, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('npm start on the embedded PostgreSQL', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('starts with no services configured, serves the API, and keeps data across restarts', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'kontor-start-'));
    dirs.push(dataDir);
    // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter the directory.
    await chmod(dataDir, 0o755);
    const pgPort = await freePort();

    const first = await start(dataDir, pgPort);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${first.url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', queue: 'ok' } });
    const signed = await gql<{ signUp: { token: string } }>(first.url, `mutation { signUp(input: { companyName: "Persisted", email: "keep@example.test", password: "correct horse battery" }) { token } }`);
    await gql(first.url, `mutation { createContact(input: { firstName: "Durable" }) { id } }`, signed.signUp.token);
    // The verification email goes through the in-process worker and the log driver.
    await expect.poll(() => first.output(), { timeout: 20_000 }).toMatch(/verify-email\?token=/);
    expect(await stop(first)).toBe(0);

    const second = await start(dataDir, pgPort);
    const login = await gql<{ logIn: { token: string } }>(second.url, `mutation { logIn(input: { email: "keep@example.test", password: "correct horse battery" }) { token } }`);
    const contacts = await gql<{ contacts: { edges: { node: { firstName: string } }[] } }>(second.url, `{ contacts { edges { node { firstName } } } }`, login.logIn.token);
    expect(contacts.contacts.edges.map((e) => e.node.firstName)).toEqual(['Durable']);
    expect(await stop(second)).toBe(0);
  }, 240_000);
});
