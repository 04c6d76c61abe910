import { describe, expect, it } from 'vitest';
import { mapAssets, mapChmod, mapTarget } from './assets.ts';
import { NoteList } from './report.ts';

describe('mapTarget', () => {
  it.each([
    ['/root', '~/', true],
    ['/root/', '~/', true],
    ['~', '~/', false],
    ['~/', '~/', false],
    ['/root/app', '~/app/', true],
    ['~/app/', '~/app/', false],
    ['/usr/local/bin', '/usr/local/bin/', false],
    ['workspace', '~/workspace/', true],
  ])('%s → %s', (target, to, changed) => {
    expect(mapTarget(target)).toEqual({ to, changed });
  });
});

describe('mapChmod', () => {
  it.each([
    ['755', { mode: '0755' }],
    ['0640', { mode: '0640' }],
    [644, { mode: '0644' }],
    ['+x', { mode: '0755', note: 'chmod "+x" became mode "0755" (readable by all, executable)' }],
    ['a+x', { mode: '0755', note: 'chmod "a+x" became mode "0755" (readable by all, executable)' }],
    [
      'go-w',
      { note: 'chmod "go-w" has no octal counterpart kubelab can set: the file keeps mode 0644' },
    ],
  ])('%s', (chmod, expected) => {
    expect(mapChmod(chmod)).toEqual(expected);
  });
});

describe('mapAssets', () => {
  const files = new Map([
    ['assets/web.yaml', Buffer.from('apiVersion: v1\nkind: Pod\nspec:\n  nodeName: node01\n')],
    ['assets/tools/run.sh', Buffer.from('cd ~/app && ls /root\n')],
    ['assets/my notes.txt', Buffer.from('hello\n')],
    ['assets/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])],
  ]);
  const available = ['logo.png', 'my notes.txt', 'tools/run.sh', 'web.yaml'];

  it('places each file on the node of its host, rewritten for the lab, and notes the rest', () => {
    const notes = new NoteList();
    const mapped = mapAssets(
      {
        host01: [
          { file: 'web.yaml', target: '/root' },
          { file: 'tools/*.sh', target: '/usr/local/bin', chmod: '+x' },
          { file: 'my notes.txt', target: '~/' },
          { file: 'logo.png', target: '/root' },
          { file: 'missing.txt', target: '/root' },
        ],
        node01: [{ file: 'web.yaml', target: '/root/k8s' }],
        node07: [{ file: 'web.yaml', target: '/root' }],
      },
      available,
      files,
      notes,
    );
    expect(mapped.files).toEqual([
      { source: 'assets/web.yaml', to: '~/', node: 'control-plane' },
      { source: 'assets/tools/run.sh', to: '/usr/local/bin/', node: 'control-plane', mode: '0755' },
      { source: 'assets/my-notes.txt', to: '~/my notes.txt', node: 'control-plane' },
      { source: 'assets/web.yaml', to: '~/k8s/', node: 'worker1' },
    ]);
    expect([...mapped.outputs]).toEqual([
      ['assets/web.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  nodeName: worker1\n'],
      ['assets/tools/run.sh', 'cd /home/learner/app && ls /home/learner\n'],
      ['assets/my-notes.txt', 'hello\n'],
    ]);
    expect([...mapped.nodes]).toEqual(['control-plane', 'worker1']);
    expect(notes.notes.map((n) => `${n.kind} ${n.where}: ${n.message}`)).toEqual([
      'changed index.json: details.assets.host01[0]: target /root → ~/',
      'changed assets/web.yaml: node01 → worker1',
      'changed index.json: details.assets.host01[1]: chmod "+x" became mode "0755" (readable by all, executable)',
      'changed assets/tools/run.sh: /root → /home/learner, ~/ → /home/learner/',
      'changed assets/my notes.txt: stored as assets/my-notes.txt',
      'changed index.json: details.assets.host01[3]: target /root → ~/',
      'unmapped assets/logo.png: not a UTF-8 text file: kubelab places only text files on nodes',
      'unmapped index.json: details.assets.host01[4]: "missing.txt" matches no file under assets/',
      'changed index.json: details.assets.host01[4]: target /root → ~/',
      'changed index.json: details.assets.node01[0]: target /root/k8s → ~/k8s/',
      'unmapped index.json: details.assets.node07[0]: host "node07" has no kubelab node (control-plane, worker1, worker2): web.yaml not imported',
    ]);
  });
});
