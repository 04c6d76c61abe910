// dockerode, loaded without the gRPC it does not need here. It requires @grpc/grpc-js and
// @grpc/proto-loader (with protobufjs) when it loads, for the BuildKit sessions of `buildImage`
// with `version: '2'` — which kubelab never asks for (its builds use the engine's classic
// builder). Loading them cost ≈ 0.2 s of every command that talks to the engine (`kubelab check`
// took ≈ 0.6 s in all). So a stand-in for each goes into Node's CommonJS cache first: dockerode
// gets it at once, and the real module loads on the first property read — never, unless something
// does start a BuildKit session. docker-modem's ssh agent is deferred the same way: it loads ssh2
// (≈ 50 ms) for engines reached over ssh://, and a local socket or TCP engine never calls it.
// dockerode is required here at run time, not imported: a bundler hoists an external package's
// `import` above every other statement, which would load it before the stand-ins exist.
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import type DockerodeClass from 'dockerode';

// not named `require`: the Electron main bundle declares its own at the top (electron-vite's shim)
const cjsRequire = createRequire(import.meta.url);

/** The modules dockerode's session.js requires at load time, resolved from dockerode itself. */
const DEFERRED = ['@grpc/grpc-js', '@grpc/proto-loader'];

type Exports = Record<string | symbol, unknown> & ((...args: unknown[]) => unknown);

/** `callable`: the module exports a function (the stand-in then forwards calls too). */
function deferLoad(path: string, callable = false): void {
  if (cjsRequire.cache[path]) return;
  let real: Exports | undefined;
  const load = (): Exports => {
    if (!real) {
      delete cjsRequire.cache[path];
      real = cjsRequire(path) as Exports;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  // An arrow function as the callable target: it has no own `prototype`, so reporting the real
  // module's keys and descriptors keeps the Proxy's invariants.
  standIn.exports = new Proxy(callable ? (): void => undefined : {}, {
    apply: (_target, self, args: unknown[]) => Reflect.apply(load(), self, args),
    get: (_target, key) => load()[key],
    has: (_target, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
  cjsRequire.cache[path] = standIn;
}

try {
  const dockerodeDir = dirname(cjsRequire.resolve('dockerode'));
  for (const name of DEFERRED) deferLoad(cjsRequire.resolve(name, { paths: [dockerodeDir] }));
  const modem = cjsRequire.resolve('docker-modem', { paths: [dockerodeDir] });
  deferLoad(join(dirname(modem), 'ssh.js'), true);
} catch {
  // A layout where they do not resolve from dockerode: dockerode loads them itself, as before.
}

/** dockerode's class (its module.exports). */
export const Dockerode = cjsRequire('dockerode') as typeof DockerodeClass;
