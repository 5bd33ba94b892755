// A tiny static server on 127.0.0.1 (loopback only: the data stays on this machine).
// `node scripts/serve.mjs <dir> [port]`; `/` serves cohorte.html. The e2e tests import startServer.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { pathToFileURL } from 'node:url';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Resolves to the running server once it listens; port 0 picks a free port. */
export function startServer(root, port = 0) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const relative = normalize(path === '/' ? '/cohorte.html' : path).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(root, relative));
      response.writeHead(200, { 'content-type': types[extname(relative)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('introuvable');
    }
  });
  return new Promise((resolve) => server.listen(Number(port), '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await startServer(root, port);
  console.log(`Cohorte : http://127.0.0.1:${server.address().port}/  (Ctrl+C pour arrêter)`);
}
