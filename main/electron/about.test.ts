import { describe, expect, it } from 'vitest';
import { aboutDetail } from './about.ts';

describe('about', () => {
  it('lists app, Kubernetes and engine versions and the log file', () => {
    const text = aboutDetail(
      {
        app: '0.1.0',
        kubernetes: 'v1.34.2',
        engine: '20.10.24',
        electron: '45.4.1',
        chrome: '140.0',
        node: '22.20.0',
      },
      '/home/u/.config/kubelab/logs/kubelab.log',
    );
    expect(text.split('\n')).toEqual([
      'kubelab 0.1.0',
      'Kubernetes v1.34.2',
      'Docker engine 20.10.24',
      'Electron 45.4.1 · Chromium 140.0 · Node 22.20.0',
      '',
      'Log file: /home/u/.config/kubelab/logs/kubelab.log',
    ]);
  });

  it('says what is unknown instead of printing null', () => {
    const text = aboutDetail(
      { app: '0.1.0', kubernetes: null, engine: null, electron: '1', chrome: '2', node: '3' },
      'x.log',
    );
    expect(text).toContain('Docker engine not reachable');
    expect(text).toContain('Kubernetes unknown');
    expect(text).not.toContain('null');
  });
});
