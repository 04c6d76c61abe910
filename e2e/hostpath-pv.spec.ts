// (2) Scenario S6 (hostpath-pv) done by hand, as a learner does it: every command typed key by key
// into the control-plane node's terminal, Check pressed after each step, and the page served by
// Apache from the node's folder read back with curl — ending with all nine steps passed.
import { expect, freshScenario, test } from './fixtures.ts';
import { checkPasses, chooseScenario, expectPassedCount, nextStep } from './scenario-ui.ts';
import { saveScreen } from './screens.ts';
import { clearScreen, expectOnScreen, openShell, typeLine } from './xterm.ts';

const GREETING = 'Hello from the hostPath PersistentVolume!';
const EDIT = 'Edited on the node';
/** Both pods' answers, fetched from the node over the pod network. */
const CURL_BOTH_PODS =
  "for ip in $(kubectl get pods -l app=httpd -o jsonpath='{.items[*].status.podIP}'); " +
  'do curl -s http://$ip/; done';

test('S6 hostPath PV typed into the node terminal, every step checked', async ({
  ui,
  lab,
}, testInfo) => {
  test.setTimeout(12 * 60_000);
  await freshScenario(lab);
  const { page } = ui;
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.open({ lab, screen: 'scenario' });
  await chooseScenario(page, 'hostpath-pv');
  await expectPassedCount(page, 0);
  const terminal = await openShell(page);

  /** Shows a step's manifest, as the step text asks (retried while the step's files arrive). */
  async function catManifest(file: string, kind: string): Promise<void> {
    await expect(async () => {
      await clearScreen(page, terminal);
      await typeLine(page, terminal, `cat ${file}`);
      await expectOnScreen(terminal, `kind: ${kind}`, 3_000);
    }).toPass({ timeout: 30_000 });
  }

  await test.step('1 · a folder and a web page on the node', async () => {
    await typeLine(page, terminal, 'mkdir -p /mnt/data');
    await typeLine(page, terminal, `echo '${GREETING}' > /mnt/data/index.html`);
    await clearScreen(page, terminal);
    await typeLine(page, terminal, 'cat /mnt/data/index.html');
    await expectOnScreen(terminal, new RegExp(`index\\.html\\s*${GREETING}`));
    await checkPasses(page);
    await expectPassedCount(page, 1);
  });

  await test.step('2 · the PersistentVolume', async () => {
    await nextStep(page, 'Create the PersistentVolume');
    await catManifest('hostpath-pv.yaml', 'PersistentVolume');
    await typeLine(page, terminal, 'kubectl create -f hostpath-pv.yaml');
    await expectOnScreen(terminal, 'persistentvolume/pv-local created');
    await typeLine(page, terminal, 'kubectl get pv');
    await expectOnScreen(terminal, /pv-local\s*10Gi\s*RWO\s*Retain\s*Available/);
    await checkPasses(page);
  });

  await test.step('3 · the claim', async () => {
    await nextStep(page, 'Claim the volume');
    await catManifest('hostpath-pvc.yaml', 'PersistentVolumeClaim');
    await typeLine(page, terminal, 'kubectl create -f hostpath-pvc.yaml');
    await expectOnScreen(terminal, 'persistentvolumeclaim/hostpath-pvc created');
    await typeLine(page, terminal, 'kubectl get pvc hostpath-pvc');
    await expectOnScreen(terminal, /hostpath-pvc\s*Bound\s*pv-local/);
    await checkPasses(page);
  });

  await test.step('4 · the volume side of the binding', async () => {
    await nextStep(page, "The volume's side of the binding");
    await clearScreen(page, terminal);
    await typeLine(page, terminal, 'kubectl get pv pv-local');
    await expectOnScreen(
      terminal,
      /pv-local\s*10Gi\s*RWO\s*Retain\s*Bound\s*default\/hostpath-pvc/,
    );
    await checkPasses(page);
  });

  await test.step('5 · a claim that stays Pending', async () => {
    await nextStep(page, 'A claim that stays unbound');
    await catManifest('volume-claim.yaml', 'PersistentVolumeClaim');
    await typeLine(page, terminal, 'kubectl create -f volume-claim.yaml');
    await expectOnScreen(terminal, 'persistentvolumeclaim/volume-claim created');
    await typeLine(page, terminal, 'kubectl get pvc volume-claim');
    await expectOnScreen(terminal, /volume-claim\s*Pending/);
    await checkPasses(page);
  });

  await test.step('6 · Apache mounts the claim', async () => {
    await nextStep(page, 'Mount the claim in a Deployment');
    await catManifest('httpd-deployment.yaml', 'Deployment');
    await typeLine(page, terminal, 'kubectl create -f httpd-deployment.yaml');
    await expectOnScreen(terminal, 'deployment.apps/httpd created');
    await typeLine(page, terminal, 'kubectl rollout status deployment/httpd --timeout=240s');
    await expectOnScreen(terminal, 'deployment "httpd" successfully rolled out', 250_000);
    await checkPasses(page, 120_000);
  });

  await test.step('7 · Apache serves the node’s file (inside a pod, then from the node)', async () => {
    await nextStep(page, "Apache serves the node's file");
    await clearScreen(page, terminal);
    await typeLine(page, terminal, 'kubectl exec -it deploy/httpd -- /bin/bash');
    await expectOnScreen(terminal, /root@httpd-[\w-]+:/);
    await typeLine(page, terminal, 'curl -s localhost:80');
    await expectOnScreen(terminal, GREETING);
    await typeLine(page, terminal, 'exit');
    await clearScreen(page, terminal);
    await typeLine(page, terminal, CURL_BOTH_PODS);
    // The typed line does not contain the greeting: two copies on screen are the two answers.
    await expect(async () => {
      const text = (await terminal.locator('.xterm-rows').textContent()) ?? '';
      expect(text.split(GREETING).length - 1).toBe(2);
    }).toPass({ timeout: 30_000 });
    await checkPasses(page);
    await saveScreen(page, testInfo, 'scenario-s6-served');
  });

  await test.step('8 · an edit on the node is served at once', async () => {
    await nextStep(page, 'Change the file on the node');
    await typeLine(page, terminal, `echo '${EDIT}' >> /mnt/data/index.html`);
    await clearScreen(page, terminal);
    await typeLine(page, terminal, CURL_BOTH_PODS);
    await expect(async () => {
      const text = (await terminal.locator('.xterm-rows').textContent()) ?? '';
      expect(text.split(EDIT).length - 1).toBe(2);
    }).toPass({ timeout: 30_000 });
    await checkPasses(page);
  });

  await test.step('9 · clean up', async () => {
    await nextStep(page, 'Clean up');
    await typeLine(page, terminal, 'kubectl delete deployment httpd');
    await expectOnScreen(terminal, 'deployment.apps "httpd" deleted');
    await typeLine(page, terminal, 'kubectl delete pvc hostpath-pvc volume-claim');
    await expectOnScreen(terminal, 'persistentvolumeclaim "volume-claim" deleted');
    await typeLine(page, terminal, 'kubectl delete pv pv-local');
    await expectOnScreen(terminal, 'persistentvolume "pv-local" deleted', 120_000);
    await typeLine(page, terminal, 'rm -rf /mnt/data');
    await checkPasses(page, 120_000);
  });

  await expectPassedCount(page, 9);
  await saveScreen(page, testInfo, 'scenario-s6-done');
});
