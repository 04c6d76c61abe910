// `http`: a GET from a node or a pod (redirects not followed) answers with a status and a body;
// with `requests: N` every answer must, and `distinctAtLeast` counts different bodies (load
// balancing). Uses curl, or wget where a pod has only that.
import type { HttpCheck } from '../../scenarios/schema.ts';
import type { LabContext } from '../lab-io.ts';
import { execInPod, execOnNode } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import { matchesPattern, oneLine, shellQuote } from '../text.ts';
import type { Evaluation } from './evaluation.ts';
import { kubectlExecPrefix } from './exec.ts';
import { podProblem, withoutKubectlNoise } from './pod-target.ts';

const MARK = '@@kubelab:';

/**
 * Runs as `sh -c SCRIPT sh URL N` (dash, bash or busybox sh). busybox wget's own -T crashes
 * (Debian's static build), so `timeout` bounds it where coreutils has one.
 */
export const HTTP_PROBE_SCRIPT = `url=$1; n=$2; exec 3>&1
limit=; command -v timeout >/dev/null 2>&1 && limit="timeout 10"
if command -v curl >/dev/null 2>&1; then tool=curl
elif command -v wget >/dev/null 2>&1; then tool=wget
else echo '${MARK}no-client'; exit 0; fi
echo "${MARK}tool $tool"
i=0
while [ "$i" -lt "$n" ]; do
  i=$((i + 1))
  echo '${MARK}response'
  if [ "$tool" = curl ]; then
    curl -sS -m 8 --connect-timeout 4 -w '\\n${MARK}status %{http_code}\\n' "$url" 2>&1
  else
    headers=$($limit wget -q -S -O - "$url" 2>&1 1>&3)
    code=$(printf '%s\\n' "$headers" | sed -n 's/.*HTTP\\/[0-9.]* \\([0-9][0-9][0-9]\\).*/\\1/p' | tail -n 1)
    if [ -z "$code" ]; then printf '%s\\n' "$headers"; code=000; fi
    printf '\\n${MARK}status %s\\n' "$code"
  fi
done
`;

export interface HttpResponse {
  /** null when nothing answered (connection refused, timeout, name not found). */
  status: number | null;
  body: string;
  /** The client's error message when nothing answered. */
  error: string;
}

export type HttpProbe = { client: 'none' } | { client: 'curl' | 'wget'; responses: HttpResponse[] };

export function parseHttpProbe(stdout: string): HttpProbe {
  if (stdout.includes(`${MARK}no-client`)) return { client: 'none' };
  const tool = /@@kubelab:tool (curl|wget)/.exec(stdout)?.[1] === 'wget' ? 'wget' : 'curl';
  const chunks = stdout.split(`${MARK}response\n`).slice(1);
  const responses: HttpResponse[] = [];
  for (const chunk of chunks) {
    const at = chunk.lastIndexOf(`${MARK}status `);
    if (at === -1) continue;
    const code = chunk.slice(at + MARK.length + 7, at + MARK.length + 10);
    let body = chunk.slice(0, at);
    if (body.endsWith('\n')) body = body.slice(0, -1);
    const after = chunk.slice(at + MARK.length + 10).trim();
    const status = /^\d{3}$/.test(code) && code !== '000' ? Number(code) : null;
    responses.push(
      status === null
        ? { status, body: '', error: [body.trim(), after].filter(Boolean).join(' ') }
        : { status, body, error: after },
    );
  }
  return { client: tool, responses };
}

function okResponse(check: HttpCheck, response: HttpResponse): boolean {
  return (
    response.status === check.status &&
    (check.bodyContains === undefined || response.body.includes(check.bodyContains)) &&
    (check.bodyMatches === undefined || matchesPattern(response.body, check.bodyMatches))
  );
}

function describeResponse(response: HttpResponse): string {
  if (response.status === null) {
    return `no answer${response.error ? `: ${oneLine(response.error, 200)}` : ''}`;
  }
  const body = response.body.trim() ? `body: ${oneLine(response.body, 240)}` : 'empty body';
  return `HTTP ${response.status}, ${body}`;
}

function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count} × ${value}`).join(', ');
}

export function httpExpected(check: HttpCheck): string {
  let expected = `HTTP ${check.status}`;
  if (check.bodyContains !== undefined) expected += `, body containing "${check.bodyContains}"`;
  if (check.bodyMatches !== undefined) expected += `, body matching /${check.bodyMatches}/`;
  if (check.requests > 1) expected += `, for each of ${check.requests} requests`;
  if (check.distinctAtLeast !== undefined) {
    expected += `, at least ${check.distinctAtLeast} different answers`;
  }
  return expected;
}

export function judgeHttp(check: HttpCheck, probe: HttpProbe, where: string): Verdict {
  const expected = httpExpected(check);
  if (probe.client === 'none') {
    return {
      passed: false,
      expected,
      found: `${where} has no curl (nor wget) to make the request with`,
    };
  }
  const { responses } = probe;
  if (responses.length === 0)
    return { passed: false, expected, found: 'the request did not finish' };
  if (check.requests === 1) {
    const only = responses[0]!;
    return { passed: okResponse(check, only), expected, found: describeResponse(only) };
  }
  const allOk = responses.length >= check.requests && responses.every((r) => okResponse(check, r));
  const bodies = new Set(responses.filter((r) => r.status !== null).map((r) => r.body.trim()));
  const distinctOk = check.distinctAtLeast === undefined || bodies.size >= check.distinctAtLeast;
  const statuses = tally(
    responses.map((r) => (r.status === null ? 'no answer' : `HTTP ${r.status}`)),
  );
  const shown = [...bodies].slice(0, 4).map((body) => `"${oneLine(body, 80)}"`);
  let found = `${responses.length} answers: ${statuses}; ${bodies.size} different bodies`;
  if (shown.length) found += `: ${shown.join(', ')}${bodies.size > 4 ? ', …' : ''}`;
  const failed = responses.find((r) => !okResponse(check, r));
  if (failed && !allOk && bodies.size <= 1) found += `; e.g. ${describeResponse(failed)}`;
  return { passed: allOk && distinctOk, expected, found };
}

export function httpCommand(
  check: HttpCheck,
  tool: 'curl' | 'wget' = 'curl',
): { command: string; runIn: string | null } {
  const fetch =
    tool === 'wget' ? `wget -qO- ${shellQuote(check.url)}` : `curl -si ${shellQuote(check.url)}`;
  const repeated =
    check.requests > 1
      ? `for i in $(seq ${check.requests}); do ${fetch.replace('curl -si', 'curl -s')}; echo; done`
      : fetch;
  if ('node' in check.from) return { command: repeated, runIn: check.from.node };
  const inPod = check.requests > 1 ? `sh -c ${shellQuote(repeated)}` : fetch;
  return { command: `${kubectlExecPrefix(check.from)} ${inPod}`, runIn: null };
}

export function describeHttp(check: HttpCheck): string {
  const where = 'node' in check.from ? `node ${check.from.node}` : `pod ${check.from.pod}`;
  return `${check.url} answers ${check.status} from ${where}.`;
}

export async function evaluateHttp(ctx: LabContext, check: HttpCheck): Promise<Evaluation> {
  const args = [check.url, String(check.requests)];
  // Each request gives up after 10 s (curl -m 8, timeout 10 for wget).
  const timeoutMs = check.requests * 10_000 + 20_000;
  let where: string;
  let stdout: string;
  let stderr: string;
  if ('node' in check.from) {
    where = `node ${check.from.node}`;
    ({ stdout, stderr } = await execOnNode(
      ctx,
      check.from.node,
      HTTP_PROBE_SCRIPT,
      args,
      timeoutMs,
    ));
  } else {
    where = `pod ${check.from.pod}${check.from.container ? ` (container ${check.from.container})` : ''}`;
    const problem = await podProblem(ctx, check.from);
    if (problem) {
      return {
        passed: false,
        expected: httpExpected(check),
        found: problem,
        ...httpCommand(check),
      };
    }
    const argv = ['sh', '-c', HTTP_PROBE_SCRIPT, 'sh', ...args];
    ({ stdout, stderr } = await execInPod(ctx, check.from, argv, timeoutMs));
  }
  const probe = parseHttpProbe(stdout);
  const verdict = judgeHttp(check, probe, where);
  if (probe.client !== 'none' && probe.responses.length === 0) {
    const errors = withoutKubectlNoise(stderr).trim();
    if (errors) verdict.found += `: ${oneLine(errors, 200)}`;
  }
  return { ...verdict, ...httpCommand(check, probe.client === 'wget' ? 'wget' : 'curl') };
}
