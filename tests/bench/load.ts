import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  body: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** A response shorter than this is counted as an error (an empty page would look fast). */
  minBodyBytes: number;
}

export type WorkerMessage =
  | { kind: 'measuring' }
  | { kind: 'done'; latencies: Float64Array; errors: number; firstError: string | null; measuredMs: number; clientLoopBusy: number };

export interface LoadResult {
  latencies: Float64Array;
  errors: number;
  firstError: string | null;
  measuredMs: number;
  /** Share of the measured window the main thread (the servers under test) was busy. */
  serverLoopBusy: number;
  /** Share of the measured window the load generator's thread was busy (1.0: the client is the bottleneck). */
  clientLoopBusy: number;
  /** CPU time of the whole process (servers, client thread, pools) per successful request, in ms. */
  processCpuMsPerRequest: number;
}

/** Runs one load phase on a worker thread; the main thread keeps serving. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: spec });
    let elu = performance.eventLoopUtilization();
    let cpu = process.cpuUsage();
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'measuring') {
        elu = performance.eventLoopUtilization();
        cpu = process.cpuUsage();
        return;
      }
      const used = process.cpuUsage(cpu);
      const ok = message.latencies.length;
      resolve({
        latencies: message.latencies,
        errors: message.errors,
        firstError: message.firstError,
        measuredMs: message.measuredMs,
        serverLoopBusy: performance.eventLoopUtilization(elu).utilization,
        clientLoopBusy: message.clientLoopBusy,
        processCpuMsPerRequest: ok > 0 ? (used.user + used.system) / 1000 / ok : Number.NaN,
      });
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}
