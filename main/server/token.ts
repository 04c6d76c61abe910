// Browser mode's two secrets, both random per server start and compared in constant time:
// - the API token: the only key to the WebSocket API. It travels in the handshake's query string,
//   never in a cookie (cookies ignore ports, so every other server on 127.0.0.1 the browser
//   visits would receive it).
// - the asset secret: a port-named cookie that lets a reload fetch the page and its scripts
//   without the token in the address bar. It opens nothing but the static renderer files.
import { randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function assetCookieName(port: number): string {
  return `kubelab_assets_${port}`;
}
