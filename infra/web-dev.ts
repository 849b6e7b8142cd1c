import type { Server } from 'node:http';
import type { WebHandler } from '../api/src/graphql/web-app.js';

/** `npm run dev`: Vite in middleware mode inside the API process, with hot reload. */
export async function viteDevServer(httpServer: Server): Promise<{ handler: WebHandler; close: () => Promise<void> }> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: 'web/vite.config.ts',
    appType: 'spa',
    server: { middlewareMode: true, hmr: { server: httpServer } },
  });
  return { handler: (req, res, next) => vite.middlewares(req, res, next), close: () => vite.close() };
}
