// Whether a process id is still running on this machine (signal 0 only checks, never signals).
// Used to tell a lock or scratch folder left by a killed process from one still in use.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
