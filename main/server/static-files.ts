// Serves the built renderer (out/renderer) to the browser. Paths are confined to that folder.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { decodePath } from '../http/request-target.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export async function sendStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
): Promise<void> {
  const decoded = decodePath(urlPath);
  if (decoded === null) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('bad path encoding');
    return;
  }
  const relative = normalize(decoded).replace(/^(\.\.(\/|\\|$))+/, '');
  const file = join(root, relative === '/' || relative === '' ? 'index.html' : relative);
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}
