import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { LoadSpec, WorkerMessage } from './load.js';

/**
 * The load generator, on its own thread so that its work never queues behind the server's on one
 * event loop: `concurrency` closed-loop clients over keep-alive sockets, a warm-up, then a fixed
 * measured window. Only requests that complete inside the window are counted.
 */
const spec = workerData as LoadSpec;
const port = parentPort;
if (!port) throw new Error('load-worker must run in a worker thread');

const target = new URL(spec.url);
const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency, maxFreeSockets: spec.concurrency });
const body = Buffer.from(spec.body, 'utf8');
const headers = { ...spec.headers, 'content-type': 'application/json', 'content-length': String(body.length) };

function once(): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'POST', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const latencies: number[] = [];
let errors = 0;
let firstError: string | null = null;
const startedAt = performance.now();
const measureFrom = startedAt + spec.warmupMs;
const measureTo = measureFrom + spec.durationMs;
let announced = false;

function announce(): void {
  if (announced) return;
  announced = true;
  const message: WorkerMessage = { kind: 'measuring' };
  port?.postMessage(message);
}
setTimeout(announce, spec.warmupMs).unref();

async function client(): Promise<void> {
  while (performance.now() < measureTo) {
    const t0 = performance.now();
    let ok = false;
    let problem = '';
    try {
      const res = await once();
      ok = res.status === 200 && res.text.length >= spec.minBodyBytes && !res.text.includes('"errors"');
      if (!ok) problem = `HTTP ${res.status}: ${res.text.slice(0, 300)}`;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    const t1 = performance.now();
    if (t1 >= measureFrom && t1 <= measureTo) {
      if (ok) latencies.push(t1 - t0);
      else {
        errors++;
        firstError ??= problem;
      }
    }
  }
}

const elu0 = performance.eventLoopUtilization();
await Promise.all(Array.from({ length: spec.concurrency }, () => client()));
announce();
agent.destroy();
const done: WorkerMessage = {
  kind: 'done',
  latencies: Float64Array.from(latencies),
  errors,
  firstError,
  measuredMs: spec.durationMs,
  clientLoopBusy: performance.eventLoopUtilization(elu0).utilization,
};
port.postMessage(done);
