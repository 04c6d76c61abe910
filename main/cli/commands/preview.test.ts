import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.ts';
import { serviceAndPort } from './preview.ts';

describe('kubelab preview SERVICE[:PORT]', () => {
  it('reads the Service and the port', () => {
    expect(serviceAndPort('web')).toEqual({ service: 'web', port: null });
    expect(serviceAndPort('demo-service:8080')).toEqual({ service: 'demo-service', port: 8080 });
  });

  it.each(['Web', 'web:', 'web:0', 'web:70000', 'web:80:81', '-web'])(
    'refuses %s as a usage error',
    (arg) => {
      expect(() => serviceAndPort(arg)).toThrow(UsageError);
    },
  );
});
