// A TCP connection made from inside a node: `docker exec <node> socat STDIO TCP:host:port` with
// its stdin/stdout as one Duplex. This reaches ClusterIPs and pod IPs from any host — also Docker
// Desktop on macOS/Windows, where node IPs are not routable from the host — because the packets
// start in the node's own network namespace, where kube-proxy's rules apply.
import { Duplex, PassThrough } from 'node:stream';
import type Docker from 'dockerode';

export class ExecStream extends Duplex {
  readonly #socket: Promise<NodeJS.ReadWriteStream & { end(): void; destroy(): void }>;
  #gotData = false;

  constructor(client: Docker, container: string, host: string, port: number) {
    super();
    this.#socket = this.#connect(client, container, host, port);
    // Surface a failed exec as a stream error (the HTTP client turns it into a 502).
    this.#socket.catch((error: unknown) =>
      this.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  }

  async #connect(
    client: Docker,
    container: string,
    host: string,
    port: number,
  ): Promise<NodeJS.ReadWriteStream & { end(): void; destroy(): void }> {
    const exec = await client.getContainer(container).exec({
      // -T: give up on a connection idle for 5 minutes; socat exits when the target closes.
      Cmd: ['socat', '-T', '300', 'STDIO', `TCP:${host}:${port},connect-timeout=5`],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
    });
    const socket = (await exec.start({ hijack: true, stdin: true })) as NodeJS.ReadWriteStream & {
      end(): void;
      destroy(): void;
    };
    const out = new PassThrough();
    const err = new PassThrough();
    const errors: Buffer[] = [];
    client.modem.demuxStream(socket, out, err);
    out.on('data', (chunk: Buffer) => {
      this.#gotData = true;
      if (!this.push(chunk)) socket.pause();
    });
    err.on('data', (chunk: Buffer) => errors.push(chunk));
    socket.on('end', () => {
      const message = Buffer.concat(errors).toString('utf8').trim();
      // socat's own failure (connection refused, timeout) arrives on stderr before any data.
      if (message && !this.#gotData) {
        this.destroy(new Error(message.replace(/^.*?socat\[\d+\] E /, '')));
      } else this.push(null);
    });
    socket.on('error', (error: Error) => this.destroy(error));
    return socket;
  }

  // Node's HTTP client treats its connection as a net.Socket and calls these on it (a missing
  // setTimeout crashed the process at the end of the first response); a stream through
  // `docker exec` has no such knobs, so they do nothing.
  setTimeout(_ms: number, callback?: () => void): this {
    if (callback) this.once('timeout', callback);
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  override _read(): void {
    void this.#socket.then(
      (socket) => socket.resume(),
      () => undefined,
    );
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    this.#socket.then(
      (socket) => {
        socket.write(chunk);
        done();
      },
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  }

  override _final(done: (error?: Error) => void): void {
    this.#socket.then(
      (socket) => {
        socket.end();
        done();
      },
      () => done(),
    );
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.#socket.then(
      (socket) => socket.destroy(),
      () => undefined,
    );
    done(error);
  }
}
