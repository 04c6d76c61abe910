// The floor under a check: one GET to the lab's API server over the client the checker uses.
import { kubeApiFor } from '../lab/kube-api.ts';
import { existingLabConfig } from '../lab/state.ts';

export async function apiRoundTrips(lab: string, count: number): Promise<number[]> {
  const api = await kubeApiFor(await existingLabConfig(lab));
  if (!api) throw new Error(`lab "${lab}" has no kubeconfig yet`);
  await api.get('/api/v1/namespaces/default'); // the connection, once
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await api.get('/api/v1/namespaces/default');
    samples.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`the API server answered HTTP ${response.status}`);
  }
  return samples;
}
