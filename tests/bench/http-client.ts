import { Agent, request } from 'node:http';

/**
 * A lean keep-alive HTTP client for timed requests, as the load generator uses: `fetch` costs this
 * process several times node:http's CPU per request, and that cost would be counted as the API's.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

export function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  const payload = Buffer.from(body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Lets the process exit: idle keep-alive sockets would hold it open. */
export function closeClient(): void {
  agent.destroy();
}
