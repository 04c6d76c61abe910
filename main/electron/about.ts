// The About box's text: the versions that matter when a learner reports a problem.

export interface AboutVersions {
  app: string;
  kubernetes: string | null;
  engine: string | null;
  electron: string;
  chrome: string;
  node: string;
}

export function aboutDetail(versions: AboutVersions, logFile: string): string {
  return [
    `kubelab ${versions.app}`,
    `Kubernetes ${versions.kubernetes ?? 'unknown (lab-images/binaries/versions.env unreadable)'}`,
    `Docker engine ${versions.engine ?? 'not reachable'}`,
    `Electron ${versions.electron} · Chromium ${versions.chrome} · Node ${versions.node}`,
    '',
    `Log file: ${logFile}`,
  ].join('\n');
}
