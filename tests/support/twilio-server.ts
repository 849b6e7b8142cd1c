import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Twilio's own published OpenAPI description of its REST API (twilio/twilio-oai), kept beside the
 * repository in shared/peers: the contract the SMS driver is tested against.
 */
export const TWILIO_SPEC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/peers/twilio_api_v2010.json');

/** One request the SMS driver made, as the server saw it, with Prism's verdict. */
export interface TwilioRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form fields (Twilio's API takes application/x-www-form-urlencoded). */
  form: URLSearchParams;
  /** Prism's status: 2xx when the request satisfied the contract, 422 (or 401, 404) when it did not. */
  status: number;
  /** Prism's answer, parsed. */
  response: unknown;
}

const require = createRequire(import.meta.url);

function prismCli(): string {
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  return path.join(path.dirname(manifest), 'dist', 'index.js');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A local server speaking Twilio's REST API: Prism (`prism mock`) serves Twilio's OpenAPI file and
 * validates every request against it (a request that breaks the contract gets 422, without Basic
 * auth 401, an unknown path 404); a thin recording proxy in front keeps each request and Prism's
 * verdict for the tests. Point the driver at `url` (TWILIO_API_URL).
 */
export class TwilioServer {
  readonly requests: TwilioRequest[] = [];
  url = '';
  private prism: ChildProcess | null = null;
  private proxy: Server | null = null;
  private prismPort = 0;
  private output = '';

  async start(timeoutMs = 120_000): Promise<string> {
    this.prismPort = await freePort();
    // --errors: a request or response that breaks the contract is answered with an error, never mocked.
    const prism = spawn(process.execPath, [prismCli(), 'mock', TWILIO_SPEC, '--host', '127.0.0.1', '--port', String(this.prismPort), '--errors'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.prism = prism;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Prism did not start within ${timeoutMs} ms:\n${this.output.slice(-2000)}`)), timeoutMs);
      const listen = (chunk: Buffer) => {
        this.output += chunk.toString();
        if (this.output.includes('Prism is listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      prism.stdout?.on('data', listen);
      prism.stderr?.on('data', listen);
      prism.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Prism exited with code ${code}:\n${this.output.slice(-2000)}`));
      });
    });
    // Once listening, keep only the tail of its log (for error messages).
    prism.stdout?.on('data', () => (this.output = this.output.slice(-4000)));
    this.proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const upstream = request(
          { host: '127.0.0.1', port: this.prismPort, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${this.prismPort}` } },
          (answer) => {
            const answerChunks: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
            answer.on('end', () => {
              const text = Buffer.concat(answerChunks).toString('utf8');
              let parsed: unknown = text;
              try {
                parsed = JSON.parse(text);
              } catch {
                // Not JSON: kept as text.
              }
              this.requests.push({
                method: req.method ?? '',
                path: req.url ?? '',
                headers: req.headers,
                form: new URLSearchParams(body.toString('utf8')),
                status: answer.statusCode ?? 0,
                response: parsed,
              });
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(text);
            });
          },
        );
        upstream.on('error', (error) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`Prism unreachable: ${error.message}`);
        });
        upstream.end(body);
      });
    });
    await new Promise<void>((resolve) => this.proxy?.listen(0, '127.0.0.1', () => resolve()));
    const { port } = this.proxy.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  /** The Messages resource requests (POST …/Messages.json) made so far. */
  messages(): TwilioRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && /^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(r.path));
  }

  async stop(): Promise<void> {
    const proxy = this.proxy;
    if (proxy) {
      const closed = new Promise<void>((resolve) => proxy.close(() => resolve()));
      // The driver's HTTP client keeps connections alive: end them, or close() waits for them.
      proxy.closeAllConnections();
      await closed;
    }
    const prism = this.prism;
    if (prism && prism.exitCode === null) {
      await new Promise<void>((resolve) => {
        prism.once('exit', () => resolve());
        prism.kill('SIGTERM');
      });
    }
  }
}
