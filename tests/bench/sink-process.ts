import { SMTPServer } from 'smtp-server';

/**
 * The bench's SMTP sink, in its own process so that receiving never competes with the sender's
 * event loop: it takes every message, counts it, and discards it. The parent asks for the count
 * over IPC.
 */
let received = 0;
let bytes = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.on('end', () => {
      received++;
      callback();
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  process.send?.({ kind: 'port', port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (message: unknown) => {
  if (message === 'count') process.send?.({ kind: 'count', received, bytes });
  if (message === 'stop') server.close(() => process.exit(0));
});
