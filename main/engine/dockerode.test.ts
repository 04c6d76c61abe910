// dockerode without its BuildKit gRPC: checked in a fresh Node process, whose CommonJS cache no
// other test has filled.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PROBE = `
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Dockerode } from './main/engine/dockerode.ts';
const require = createRequire(import.meta.url);
const grpcServerLoaded = () =>
  Object.keys(require.cache).some((path) => path.includes('grpc-js/build/src/server.js'));
console.log('constructor', typeof Dockerode, typeof new Dockerode().ping);
console.log('grpc after dockerode', grpcServerLoaded());
const grpc = require('@grpc/grpc-js');
console.log('grpc.Server', typeof grpc.Server, grpcServerLoaded());
console.log('proto-loader', typeof require('@grpc/proto-loader').loadSync);
const ssh2Loaded = () => Object.keys(require.cache).some((path) => /[\\/]ssh2[\\/]/.test(path));
console.log('ssh2 after dockerode', ssh2Loaded());
const modemDir = dirname(require.resolve('docker-modem', { paths: [dirname(require.resolve('dockerode'))] }));
const agent = require(join(modemDir, 'ssh.js'))({ host: '127.0.0.1', port: 1 });
console.log('ssh agent', typeof agent.createConnection, ssh2Loaded());
`;

describe('Dockerode', () => {
  it('loads dockerode without gRPC or ssh2, which load for real on first use', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', PROBE],
      { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toEqual([
      'constructor function function',
      'grpc after dockerode false',
      'grpc.Server function true',
      'proto-loader function',
      'ssh2 after dockerode false',
      'ssh agent function true',
    ]);
  });
});
