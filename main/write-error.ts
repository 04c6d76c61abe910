// A failed write of kubelab's own files (progress, lab state) as the learner should hear it:
// a full disk or a read-only folder is said plainly, with what was kept and what to do — never
// a bare ENOSPC.
import { LabError } from './api/errors.ts';

export function writeError(error: unknown, what: string, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new LabError(
      'DISK_FULL',
      `No space left to save ${what} in ${path}; what was saved before is kept.`,
      {
        fix: `Free some space on the disk that holds ${path} (df -h shows how full it is), then do it again.`,
      },
    );
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new LabError(
      'CANNOT_WRITE',
      `Cannot save ${what} in ${path} (${code}); what was saved before is kept.`,
      {
        fix: `Make ${path} writable for this user, or point KUBELAB_HOME at a folder that is.`,
      },
    );
  }
  return error;
}
