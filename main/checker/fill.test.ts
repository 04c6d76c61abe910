import { describe, expect, it } from 'vitest';
import { fillCheck, templateRefs } from './fill.ts';
import { check } from './test-checks.ts';

describe('filling placeholders', () => {
  const exec = check({
    type: 'exec',
    description: 'keeps {{prose}} as written',
    in: { node: 'control-plane' },
    command: 'curl -s http://{{pod:web.ip}}:{{service:web.nodePort}}/',
    stdoutMatches: '^{{pod:web.ip}}\\s+web$',
  });

  it('lists every placeholder once', () => {
    expect(templateRefs(exec).map((ref) => ref.raw)).toEqual([
      '{{pod:web.ip}}',
      '{{service:web.nodePort}}',
    ]);
  });

  it('fills values in, escaped inside regular expressions, prose untouched', () => {
    const values = new Map([
      ['{{pod:web.ip}}', '10.0.1.5'],
      ['{{service:web.nodePort}}', '30080'],
    ]);
    const filled = fillCheck(exec, values);
    expect(filled.command).toBe('curl -s http://10.0.1.5:30080/');
    expect(filled.stdoutMatches).toBe('^10\\.0\\.1\\.5\\s+web$');
    expect(filled.description).toBe('keeps {{prose}} as written');
    expect(new RegExp(filled.stdoutMatches!, 'm').test('10.0.1.5  web')).toBe(true);
    expect(new RegExp(filled.stdoutMatches!, 'm').test('10x0x1x5  web')).toBe(false);
  });

  it('fills equals, oneOf and nested targets', () => {
    const field = check({
      type: 'field',
      kind: 'Pod',
      name: 'a',
      path: '.status.podIP',
      oneOf: ['{{pod:b.ip}}', 'none'],
    });
    expect(fillCheck(field, new Map([['{{pod:b.ip}}', '10.0.2.3']])).oneOf).toEqual([
      '10.0.2.3',
      'none',
    ]);
  });
});
