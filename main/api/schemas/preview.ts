// Service preview: a URL that shows a Service's HTTP answer in kubelab, proxied by the main
// process through the lab (works where node IPs are not routable from the host).
import { z } from 'zod';
import { LabNameSchema } from './lab.ts';

const dnsLabel = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'a Kubernetes name');

export const PreviewOpenSchema = z
  .object({
    lab: LabNameSchema,
    namespace: dnsLabel.default('default'),
    service: dnsLabel,
    port: z.number().int().min(1).max(65535),
  })
  .strict();
export const PreviewOpenedSchema = z.object({
  /** Load this in an iframe or a browser tab (loopback, carries its own secret). */
  url: z.string(),
  /** "web.default.svc:80". */
  target: z.string(),
});
