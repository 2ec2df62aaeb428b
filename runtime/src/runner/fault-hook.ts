// Crash-recovery fault injection. Inert unless ESCHER_FAULT_KILL_AFTER names a step:
// then the runner SIGKILLs itself right after that step's checkpoint is durable, which
// is how the tests prove a rerun finishes the work exactly once. Never set in production.

export function faultHook(killAfter: string | undefined): (step: string) => void {
  if (!killAfter) return () => {};
  return (step) => {
    if (step === killAfter || step.startsWith(`${killAfter}#`)) process.kill(process.pid, 'SIGKILL');
  };
}
