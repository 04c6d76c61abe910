// Malformed HTTP/1.1 and WebSocket inputs for the fuzz tests: request lines, targets, headers,
// upgrade handshakes and frames, built from a seeded Random. Each input is the raw bytes one
// connection sends; nothing here opens a socket.
import type { Random } from './random.ts';

export interface FuzzTarget {
  port: number;
  /** A secret the server accepts in the query (API token, preview secret), or null. */
  query: { name: string; value: string } | null;
  wsPath: string;
}

export type FuzzKind = 'request-line' | 'target' | 'headers' | 'upgrade' | 'frames' | 'bytes';

export interface FuzzInput {
  kind: FuzzKind;
  bytes: Buffer;
}

const NASTY_PATHS = [
  '/',
  '//',
  '///',
  '/%',
  '/%zz',
  '/%00',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/../../etc/passwd',
  '/..%2f..%2f',
  '/\\..\\..\\',
  '/index.html%',
  '/a?b=%',
  '/?token=',
  '/?token=%',
  '/?&&&=&',
  '*',
  'http://127.0.0.1/',
  'http://evil.example/',
  '//evil.example/',
  'x',
  '',
  '/#frag',
  '/\u00e9',
  '/%ff%fe',
  '/%c0%af',
  '/api',
  '/api/',
  '/API',
  '/api?token',
];
const METHODS = [
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'CONNECT',
  'TRACE',
  'get',
  'G ET',
  '',
  'PRI',
  '\u0000',
];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', 'http/1.1', '', 'HTTP/1.1 x'];
const HEADER_NAMES = [
  'Host',
  'Origin',
  'Cookie',
  'Content-Length',
  'Transfer-Encoding',
  'Upgrade',
  'Connection',
  'Sec-WebSocket-Key',
  'Sec-WebSocket-Version',
  'X-\u0001',
  ' Host',
  'Host ',
  '',
];

function pathWithSecret(random: Random, target: FuzzTarget): string {
  const path = random.pick(NASTY_PATHS);
  if (!target.query || random.int(2) === 0) return path;
  const value = random.int(3) === 0 ? target.query.value.slice(1) : target.query.value;
  return `${path}${path.includes('?') ? '&' : '?'}${target.query.name}=${value}`;
}

function junk(random: Random, max: number): string {
  return random.bytes(random.int(max)).toString('latin1');
}

function host(random: Random, target: FuzzTarget): string {
  return random.pick([
    `127.0.0.1:${target.port}`,
    `localhost:${target.port}`,
    'evil.example',
    '',
    `127.0.0.1:${target.port}, evil`,
  ]);
}

export function fuzzInput(random: Random, target: FuzzTarget): FuzzInput {
  const kind = random.pick<FuzzKind>([
    'request-line',
    'target',
    'headers',
    'upgrade',
    'frames',
    'bytes',
  ]);
  const crlf = '\r\n';
  switch (kind) {
    case 'request-line':
      return {
        kind,
        bytes: Buffer.from(
          `${random.pick(METHODS)} ${pathWithSecret(random, target)}${random.int(4) === 0 ? junk(random, 20) : ''} ${random.pick(VERSIONS)}${crlf}Host: ${host(random, target)}${crlf}${crlf}`,
          'latin1',
        ),
      };
    case 'target': {
      const long =
        random.int(4) === 0
          ? '/' + 'a'.repeat(random.pick([1024, 9000, 70_000]))
          : pathWithSecret(random, target);
      return {
        kind,
        bytes: Buffer.from(
          `GET ${long} HTTP/1.1${crlf}Host: ${host(random, target)}${crlf}${crlf}`,
          'latin1',
        ),
      };
    }
    case 'headers': {
      const lines = Array.from({ length: 1 + random.int(6) }, () => {
        const name = random.pick(HEADER_NAMES);
        const value =
          random.int(5) === 0
            ? 'x'.repeat(random.pick([100, 20_000]))
            : random.int(2)
              ? junk(random, 40)
              : random.pick([
                  '-1',
                  '0',
                  '99999999999',
                  'chunked',
                  'chunked, gzip',
                  'websocket',
                  'kubelab_assets_1=x; kubelab_token=y',
                ]);
        return `${name}: ${value}`;
      });
      const body = random.int(3) === 0 ? junk(random, 200) : '';
      return {
        kind,
        bytes: Buffer.from(
          `${random.pick(METHODS)} ${pathWithSecret(random, target)} HTTP/1.1${crlf}${lines.join(crlf)}${crlf}${crlf}${body}`,
          'latin1',
        ),
      };
    }
    case 'upgrade': {
      const headers = [
        `Host: ${host(random, target)}`,
        random.int(4) ? 'Upgrade: websocket' : `Upgrade: ${junk(random, 10)}`,
        random.int(4) ? 'Connection: Upgrade' : 'Connection: keep-alive, upgrade',
        random.int(3)
          ? `Sec-WebSocket-Key: ${random.bytes(16).toString('base64')}`
          : `Sec-WebSocket-Key: ${junk(random, 30)}`,
        `Sec-WebSocket-Version: ${random.pick(['13', '8', '', 'x'])}`,
        ...(random.int(2)
          ? [
              `Origin: ${random.pick([`http://127.0.0.1:${target.port}`, 'http://127.0.0.1:1', 'null', 'http://evil.example', junk(random, 10)])}`,
            ]
          : []),
      ];
      const path = random.int(2)
        ? `${target.wsPath}${target.query ? `?${target.query.name}=${random.int(2) ? target.query.value : 'wrong'}` : ''}`
        : pathWithSecret(random, target);
      return {
        kind,
        bytes: Buffer.from(
          `GET ${path} HTTP/1.1${crlf}${headers.join(crlf)}${crlf}${crlf}${random.int(3) === 0 ? junk(random, 64) : ''}`,
          'latin1',
        ),
      };
    }
    case 'frames':
      // raw WebSocket frame bytes after a handshake: random opcodes, lengths, masks (the test
      // performs the real handshake first, then writes these)
      return {
        kind,
        bytes: Buffer.concat(Array.from({ length: 1 + random.int(4) }, () => wsFrame(random))),
      };
    default:
      return { kind, bytes: random.bytes(1 + random.int(512)) };
  }
}

/** One client frame, often wrong: reserved bits, bad opcodes, lying lengths, broken UTF-8. */
function wsFrame(random: Random): Buffer {
  const payloads = [
    Buffer.from('{not json'),
    Buffer.from('{"t":"req","id":-1,"channel":"x","input":1}'),
    Buffer.from('{"t":"req","id":1,"channel":"lab:up","input":"nope"}'),
    Buffer.from(JSON.stringify({ t: 'req', id: 2, channel: '__proto__', input: [] })),
    Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
    random.bytes(random.int(300)),
  ];
  const payload = random.pick(payloads);
  const first =
    (random.int(5) === 0
      ? random.int(256)
      : 0x80 | random.pick([0x1, 0x2, 0x8, 0x9, 0xa, 0x0, 0x3, 0xf])) & 0xff;
  const mask = random.bytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  const lie = random.int(6) === 0;
  const length = lie ? random.int(126) : Math.min(payload.length, 125);
  const maskBit = random.int(8) === 0 ? 0 : 0x80;
  return Buffer.concat([
    Buffer.from([first, maskBit | length]),
    mask,
    masked.subarray(0, Math.min(masked.length, 125)),
  ]);
}
