import { describe, expect, it } from 'vitest';
import { isUnreachable } from './cluster-problem.ts';

describe('telling a broken lab from a wrong answer', () => {
  it.each([
    'The connection to the server 10.100.0.11:6443 was refused - did you specify the right host or port?',
    'Unable to connect to the server: dial tcp 10.100.0.11:6443: i/o timeout',
    'Error from server (ServiceUnavailable): the server is currently unable to handle the request',
    'error: unable to upgrade connection: dial tcp 10.100.0.12:10250: connect: no route to host',
  ])('kubectl saying "%s" is a lab problem', (stderr) => {
    expect(isUnreachable(stderr)).toBe(true);
  });

  it.each([
    'Error from server (NotFound): pods "web" not found',
    'curl: (7) Failed to connect to 10.0.1.5 port 80: Connection refused',
    "wget: can't connect to remote host (10.0.1.5): Connection refused",
    'error: unable to upgrade connection: container not found ("nginx")',
  ])('"%s" is an answer', (stderr) => {
    expect(isUnreachable(stderr)).toBe(false);
  });
});
