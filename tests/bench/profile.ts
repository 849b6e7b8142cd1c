import { writeFile } from 'node:fs/promises';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';

/** Samples the main thread (where the servers run) while `fn` runs; the load generator's thread is not included. */
export async function profileMainThread<T>(fn: () => Promise<T>): Promise<{ result: T; profile: Profiler.Profile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const result = await fn();
    const { profile } = await session.post('Profiler.stop');
    return { result, profile };
  } finally {
    session.disconnect();
  }
}

export async function saveProfile(profile: Profiler.Profile, file: string): Promise<void> {
  await writeFile(file, JSON.stringify(profile));
}

/** Where a sampled frame belongs: an npm package, Node itself, V8 bookkeeping, or Kontor's own code. */
function bucketOf(frame: Profiler.ProfileNode['callFrame']): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native / builtins)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + '/node_modules/'.length).split('/');
    const first = parts[0] ?? '?';
    return first.startsWith('@') ? `${first}/${parts[1] ?? ''}` : first;
  }
  if (url.startsWith('node:')) return 'node: (http, streams, timers...)';
  if (url.includes('/dist/tests/bench/')) return 'bench harness';
  if (url.includes('/dist/')) return 'kontor (own code)';
  return url;
}

export interface ProfileSummary {
  totalMs: number;
  buckets: { name: string; ms: number; share: number }[];
  functions: { name: string; bucket: string; ms: number; share: number }[];
}

/** Self time per bucket and per function, from the samples' time deltas. */
export function summariseProfile(profile: Profiler.Profile, topFunctions = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i];
    if (id === undefined) continue;
    // timeDeltas[i] is the time since the previous sample; attribute the next delta to this sample.
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  }
  let total = 0;
  for (const us of selfUs.values()) total += us;
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, { bucket: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = nodes.get(id);
    if (!node) continue;
    const bucket = bucketOf(node.callFrame);
    byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + us);
    const file = node.callFrame.url.split('/').slice(-2).join('/');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file ? `${file}:${node.callFrame.lineNumber + 1}` : ''}`.trim();
    const entry = byFunction.get(key) ?? { bucket, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const share = (us: number): number => (total > 0 ? us / total : 0);
  return {
    totalMs: total / 1000,
    buckets: [...byBucket].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, share: share(us) })),
    functions: [...byFunction]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, topFunctions)
      .map(([name, e]) => ({ name, bucket: e.bucket, ms: e.us / 1000, share: share(e.us) })),
  };
}
