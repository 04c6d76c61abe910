import { describe, expect, it } from 'vitest';
import { convertMarkers, parseMarker, renderSegments } from './markers.ts';

const fence = '```';

function convert(markdown: string): { markdown: string; commands: string[]; notes: string[] } {
  const out = convertMarkers(markdown);
  return {
    markdown: renderSegments(out.segments),
    commands: out.commands.map((c) => (c.node ? `${c.node}: ${c.command}` : c.command)),
    notes: out.notes.map((n) => `${n.line} ${n.kind}: ${n.message}`),
  };
}

describe('parseMarker', () => {
  it.each([
    ['exec', { action: 'exec', node: null, interrupt: false, unsupported: [] }],
    ['execute', { action: 'exec', node: null, interrupt: false, unsupported: [] }],
    ['exec interrupt', { action: 'exec', node: null, interrupt: true, unsupported: [] }],
    ['execute HOST2', { action: 'exec', node: 'worker1', interrupt: false, unsupported: [] }],
    [
      'execute HOST3 interrupt',
      { action: 'exec', node: 'worker2', interrupt: true, unsupported: [] },
    ],
    ['copy', { action: 'copy', node: null, interrupt: false, unsupported: [] }],
    ['', { action: 'plain', node: null, interrupt: false, unsupported: [] }],
    [
      'execute no-newline',
      { action: 'copy', node: null, interrupt: false, unsupported: ['no-newline'] },
    ],
    ['execute T2', { action: 'exec', node: null, interrupt: false, unsupported: ['T2'] }],
    ['open', { action: 'unknown', node: null, interrupt: false, unsupported: ['open'] }],
  ])('{{%s}}', (inner, expected) => {
    expect(parseMarker(inner)).toEqual(expected);
  });
});

describe('convertMarkers', () => {
  it('makes an {{exec}} block a bash block whose command goes to the solve', () => {
    const out = convert(
      `Run it:\n\n${fence}\nkubectl get pods\nkubectl get nodes\n${fence}{{exec}}\n`,
    );
    expect(out.markdown).toBe(
      `Run it:\n\n${fence}bash\nkubectl get pods\nkubectl get nodes\n${fence}\n`,
    );
    expect(out.commands).toEqual(['kubectl get pods\nkubectl get nodes']);
    expect(out.notes).toEqual([]);
  });

  it('keeps a {{copy}} block a shell block (Send and Copy) but leaves it out of the solve', () => {
    const out = convertMarkers(`${fence}plain\nkubectl delete pod web\n${fence}{{copy}}`);
    expect(renderSegments(out.segments)).toBe(`${fence}bash\nkubectl delete pod web\n${fence}`);
    expect(out.commands).toEqual([]);
    expect(out.copyBlocks).toBe(1);
  });

  it('keeps the language of a YAML block to copy, so it gets no Send button', () => {
    expect(convert(`${fence}yaml\nkind: Pod\n${fence}{{copy}}`).markdown).toBe(
      `${fence}yaml\nkind: Pod\n${fence}`,
    );
  });

  it('turns a block without a marker (output, plain) into text, and keeps other languages', () => {
    const out = convert(
      `${fence}\nNAME   READY\nweb    1/1\n${fence}\n\n${fence}plain\nok\n${fence}\n\n${fence}json\n{}\n${fence}`,
    );
    expect(out.markdown).toBe(
      `${fence}text\nNAME   READY\nweb    1/1\n${fence}\n\n${fence}text\nok\n${fence}\n\n${fence}json\n{}\n${fence}`,
    );
    expect(out.commands).toEqual([]);
  });

  it('says in the block what Ctrl+C and another host meant, and notes both', () => {
    const out = convert(
      `${fence}\ncurl web\n${fence}{{exec interrupt}}\n\n${fence}\nls /var/log/pods\n${fence}{{execute HOST2}}`,
    );
    expect(out.markdown).toBe(
      `${fence}bash\n# first stop the command still running (Ctrl+C)\ncurl web\n${fence}\n\n${fence}bash\n# on worker1\nls /var/log/pods\n${fence}`,
    );
    expect(out.commands).toEqual(['curl web', 'worker1: ls /var/log/pods']);
    expect(out.notes).toEqual([
      '1 review: {{exec interrupt}}: Killercoda pressed Ctrl+C first; the block now says so in a comment, and the command before it is left out of the solve (it ran until stopped)',
    ]);
  });

  it('makes a line that is only an inline `cmd`{{exec}} a block in its place, also in a list', () => {
    const out = convert(
      'Next:\n\n`kubectl get pods`{{exec}}\n\n- `kubectl get nodes`{{execute}}\n- done',
    );
    expect(out.markdown).toBe(
      `Next:\n\n${fence}bash\nkubectl get pods\n${fence}\n\n- ${fence}bash\n  kubectl get nodes\n  ${fence}\n- done`,
    );
    expect(out.commands).toEqual(['kubectl get pods', 'kubectl get nodes']);
  });

  it('keeps a sentence with an inline command and adds the command as a block after it', () => {
    const out = convert('Look with `kubectl get pods`{{exec}} and see.\nMore text.');
    expect(out.markdown).toBe(
      `Look with \`kubectl get pods\` and see.\n\n${fence}bash\nkubectl get pods\n${fence}\n\nMore text.`,
    );
    expect(out.commands).toEqual(['kubectl get pods']);
  });

  it('drops {{copy}} and {{}} after inline code, which stays inline code', () => {
    const out = convert('Copy `kubectl get pods`{{copy}}, not `this`{{}}, and `{{.Go}}`{{copy}}.');
    expect(out.markdown).toBe('Copy `kubectl get pods`, not `this`, and `{{.Go}}`.');
    expect(out.commands).toEqual([]);
    expect(out.notes).toEqual([]);
  });

  it('notes markers kubelab has nothing for, and Killercoda placeholders it leaves in place', () => {
    const out = convert(
      `Open \`app.yaml\`{{open}} and [the app]({{TRAFFIC_HOST1_8080}}).\n${fence}\nvi x\n${fence}{{execute T2}}`,
    );
    expect(out.markdown).toBe(
      `Open \`app.yaml\` and [the app]({{TRAFFIC_HOST1_8080}}).\n${fence}bash\nvi x\n${fence}`,
    );
    expect(out.notes).toEqual([
      '1 unmapped: marker {{open}}: open: kubelab has no editor to open a file in',
      '1 unmapped: {{TRAFFIC_HOST1_8080}} is a Killercoda placeholder kubelab does not fill in (left in the text as written)',
      '2 unmapped: marker {{execute T2}}: T2: kubelab has one terminal per node, not tabs',
    ]);
  });

  it('notes images and raw HTML, which kubelab shows as text, and keeps them', () => {
    const out = convert('See ![the diagram](./assets/net.png).<br>\nA `<b>` in code is fine.');
    expect(out.markdown).toBe(
      'See ![the diagram](./assets/net.png).<br>\nA `<b>` in code is fine.',
    );
    expect(out.notes).toEqual([
      '1 unmapped: image ./assets/net.png: kubelab shows only its alt text',
      '1 unmapped: HTML <br>: kubelab shows HTML as text',
    ]);
  });

  it('leaves Go templates inside code blocks alone', () => {
    const body = `kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'`;
    const out = convert(`${fence}\n${body}\n${fence}{{exec}}`);
    expect(out.markdown).toBe(`${fence}bash\n${body}\n${fence}`);
    expect(out.commands).toEqual([body]);
  });

  it('keeps the indentation of a block inside a list item', () => {
    const out = convert(`1. Run:\n   ${fence}\n   kubectl get pods\n   ${fence}{{exec}}`);
    expect(out.markdown).toBe(`1. Run:\n   ${fence}bash\n   kubectl get pods\n   ${fence}`);
    expect(out.commands).toEqual(['kubectl get pods']);
  });

  it('notes a block that is never closed', () => {
    expect(convert(`${fence}\nls`).notes).toEqual(['1 review: a code block that is never closed']);
  });
});
