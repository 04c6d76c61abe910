// The shape of one CLI verb. One module per verb under commands/.
export interface CliCommand {
  name: string;
  summary: string;
  /** Usage line(s) after `kubelab `, e.g. "serve [--port N]". */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}
