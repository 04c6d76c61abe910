import { describe, expect, it } from 'vitest';
import { check } from '../test-checks.ts';
import { httpCommand, judgeHttp, parseHttpProbe } from './http.ts';

// Real probe outputs (curl in the debian image, busybox wget in the busybox image).
const CURL_OK =
  '@@kubelab:tool curl\n@@kubelab:response\n<h1>It works!</h1>\n\n@@kubelab:status 200\n';
const CURL_REFUSED =
  "@@kubelab:tool curl\n@@kubelab:response\ncurl: (7) Failed to connect to kl-nginx port 81 after 0 ms: Couldn't connect to server\n\n@@kubelab:status 000\n";
const WGET_404 = '@@kubelab:tool wget\n@@kubelab:response\n\n@@kubelab:status 404\n';
const WGET_REFUSED =
  "@@kubelab:tool wget\n@@kubelab:response\nwget: can't connect to remote host (10.0.1.5): Connection refused\n\n@@kubelab:status 000\n";

describe('parsing the http probe', () => {
  it('reads curl answers: status and body, nothing added', () => {
    expect(parseHttpProbe(CURL_OK)).toEqual({
      client: 'curl',
      responses: [{ status: 200, body: '<h1>It works!</h1>\n', error: '' }],
    });
  });

  it('keeps a body without a final newline intact', () => {
    const probe = parseHttpProbe(
      '@@kubelab:tool curl\n@@kubelab:response\nHello\n@@kubelab:status 200\n',
    );
    expect(probe).toMatchObject({ responses: [{ status: 200, body: 'Hello' }] });
  });

  it('turns "nothing answered" into an error message', () => {
    expect(parseHttpProbe(CURL_REFUSED)).toEqual({
      client: 'curl',
      responses: [
        {
          status: null,
          body: '',
          error:
            "curl: (7) Failed to connect to kl-nginx port 81 after 0 ms: Couldn't connect to server",
        },
      ],
    });
    expect(parseHttpProbe(WGET_REFUSED)).toMatchObject({
      client: 'wget',
      responses: [
        {
          status: null,
          error: "wget: can't connect to remote host (10.0.1.5): Connection refused",
        },
      ],
    });
    expect(parseHttpProbe(WGET_404)).toMatchObject({ responses: [{ status: 404, body: '' }] });
  });

  it('notices a pod without curl or wget', () => {
    expect(parseHttpProbe('@@kubelab:no-client\n')).toEqual({ client: 'none' });
  });
});

describe('http', () => {
  const works = check({
    type: 'http',
    from: { node: 'control-plane' },
    url: 'http://10.0.1.5/',
    bodyContains: 'It works!',
  });

  it('passes on status and body', () => {
    expect(judgeHttp(works, parseHttpProbe(CURL_OK), 'node control-plane')).toEqual({
      passed: true,
      expected: 'HTTP 200, body containing "It works!"',
      found: 'HTTP 200, body: <h1>It works!</h1>',
    });
  });

  it('fails on another status, another body or no answer', () => {
    expect(judgeHttp(works, parseHttpProbe(WGET_404), 'x')).toMatchObject({
      passed: false,
      found: 'HTTP 404, empty body',
    });
    expect(judgeHttp(works, parseHttpProbe(CURL_REFUSED), 'x').found).toMatch(
      /^no answer: curl: \(7\)/,
    );
    const other = parseHttpProbe(CURL_OK.replace('It works!', 'Welcome'));
    expect(judgeHttp(works, other, 'x').passed).toBe(false);
    const redirect = check({
      type: 'http',
      from: { node: 'worker1' },
      url: 'http://x/',
      status: 301,
    });
    expect(judgeHttp(redirect, parseHttpProbe(CURL_OK.replace('200', '301')), 'x').passed).toBe(
      true,
    );
  });

  it('says so when the pod has nothing to make requests with', () => {
    expect(judgeHttp(works, { client: 'none' }, 'pod db')).toMatchObject({
      passed: false,
      found: 'pod db has no curl (nor wget) to make the request with',
    });
  });

  it('with requests and distinctAtLeast, wants every answer right and enough different ones', () => {
    const balanced = check({
      type: 'http',
      from: { pod: 'client' },
      url: 'http://svc:4000/',
      requests: 4,
      distinctAtLeast: 2,
    });
    const answers = (...bodies: string[]): ReturnType<typeof parseHttpProbe> =>
      parseHttpProbe(
        `@@kubelab:tool curl\n${bodies.map((b) => `@@kubelab:response\n${b}\n\n@@kubelab:status 200\n`).join('')}`,
      );
    expect(
      judgeHttp(
        balanced,
        answers('Hello from a', 'Hello from b', 'Hello from a', 'Hello from a'),
        'x',
      ),
    ).toEqual({
      passed: true,
      expected: 'HTTP 200, for each of 4 requests, at least 2 different answers',
      found: '4 answers: 4 × HTTP 200; 2 different bodies: "Hello from a", "Hello from b"',
    });
    expect(
      judgeHttp(
        balanced,
        answers('Hello from a', 'Hello from a', 'Hello from a', 'Hello from a'),
        'x',
      ).passed,
    ).toBe(false);
    expect(judgeHttp(balanced, answers('Hello from a', 'Hello from b'), 'x').passed).toBe(false);
  });

  it('shows curl from the node, or kubectl exec from the pod', () => {
    expect(httpCommand(works)).toEqual({
      command: 'curl -si http://10.0.1.5/',
      runIn: 'control-plane',
    });
    const fromPod = check({
      type: 'http',
      from: { pod: 'c', container: 'nginx' },
      url: 'http://localhost/',
    });
    expect(httpCommand(fromPod)).toEqual({
      command: 'kubectl exec c -c nginx -- curl -si http://localhost/',
      runIn: null,
    });
    expect(httpCommand(fromPod, 'wget').command).toBe(
      'kubectl exec c -c nginx -- wget -qO- http://localhost/',
    );
  });
});
