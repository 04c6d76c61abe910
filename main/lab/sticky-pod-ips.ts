// Pod IPs that survive a stop. When a node restarts, kubelet makes every pod a new sandbox and
// host-local hands out the next free address — so after `kubelab down` / `up` each pod had a new
// IP while the EndpointSlices still named the old ones until the controller manager (the last
// component to come back) rewrote them: DNS stayed dark ≈ 3 s after CoreDNS ran, and a learner's
// notes of pod IPs went stale. This IPAM plugin is host-local plus a memory: it records each
// pod's address under its UID, and a new sandbox of the same pod asks host-local for it again.
// A new pod (a new UID) gets a new address as on any cluster; if the old one is taken, the pod
// simply gets the next free one.

/** The plugin's name in the CNI config: /opt/cni/bin/<name>, next to host-local. */
export const STICKY_IPAM_TYPE = 'kubelab-ipam';
export const STICKY_IPAM_PATH = `/opt/cni/bin/${STICKY_IPAM_TYPE}`;
/** One file per pod UID holding its IPv4 address; on the node's /var volume, as host-local's. */
export const POD_IP_RECORDS = '/var/lib/cni/kubelab-pod-ips';
/** Records of pods gone this long are removed (a pod's record is touched at each sandbox). */
const RECORD_DAYS = 30;

/**
 * The plugin, a bash script. The bridge plugin runs it with the CNI environment and the network
 * config on stdin; host-local ignores the ipam `type` and takes a wanted address from
 * CNI_ARGS `IP=` (containerd passes K8S_POD_UID and IgnoreUnknown=1 there).
 */
export function stickyIpamScript(): string {
  return `#!/bin/bash
# Written by kubelab: host-local, and a pod's new sandbox asks for the address it had.
records=${POD_IP_RECORDS}
config=$(cat)
uid=$(tr ';' '\\n' <<<"\${CNI_ARGS:-}" | sed -n 's/^K8S_POD_UID=//p')
host_local() { /opt/cni/bin/host-local <<<"$config"; }
if [ "$CNI_COMMAND" = ADD ] && [ -n "$uid" ] && [ -s "$records/$uid" ]; then
  if out=$(CNI_ARGS="$CNI_ARGS;IP=$(cat "$records/$uid")" host_local); then
    touch "$records/$uid"
    printf '%s' "$out"
    exit 0
  fi
fi
out=$(host_local)
status=$?
printf '%s' "$out"
if [ $status -eq 0 ] && [ "$CNI_COMMAND" = ADD ] && [ -n "$uid" ]; then
  ip=$(grep -o '"address": *"[0-9.]*' <<<"$out" | head -1 | grep -o '[0-9.]*$')
  mkdir -p "$records"
  [ -n "$ip" ] && printf '%s\\n' "$ip" > "$records/$uid"
  find "$records" -type f -mtime +${RECORD_DAYS} -delete 2>/dev/null
fi
exit $status
`;
}
