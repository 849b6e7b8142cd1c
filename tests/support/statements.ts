/**
 * The SQL one request ran, as MikroORM logged it. A query's answer leaves before its read-only
 * transaction ends, so this waits for the COMMIT (or ROLLBACK) that closes it.
 */
export async function statementsOfRequest(log: string[], request: () => Promise<unknown>): Promise<string[]> {
  log.length = 0;
  await request();
  const deadline = Date.now() + 5_000;
  // eslint-disable-next-line no-control-regex -- MikroORM colours its log lines
  const plain = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, '');
  while (!log.some((line) => /\[query\] (commit|rollback)\b/i.test(plain(line)))) {
    if (Date.now() > deadline) throw new Error(`the request's transaction did not end: ${log.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return log.filter((line) => line.includes('[query]'));
}
