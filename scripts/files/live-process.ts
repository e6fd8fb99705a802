/** Whether a process that left a file behind (a temporary file, a lock) is still running. */

/**
 * True when a process with this id runs on this machine. Signal 0 only asks: ESRCH means there is
 * no such process; EPERM means there is one, of another user.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
