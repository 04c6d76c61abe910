// Every Docker object kubelab creates carries LAB_LABEL; nothing without it is ever touched.
export const LAB_LABEL = 'io.kubelab';
/** Which lab an object belongs to (network, node, volume, registry). */
export const LAB_NAME_LABEL = 'io.kubelab.lab';
/** What the object is: 'node', 'registry', 'probe', 'image', 'test'. */
export const LAB_ROLE_LABEL = 'io.kubelab.role';
/** Content hash of an image's inputs. */
export const IMAGE_HASH_LABEL = 'io.kubelab.image-hash';

export function labLabels(role: string, lab?: string): Record<string, string> {
  const labels: Record<string, string> = { [LAB_LABEL]: 'true', [LAB_ROLE_LABEL]: role };
  if (lab !== undefined) labels[LAB_NAME_LABEL] = lab;
  return labels;
}
