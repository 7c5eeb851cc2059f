/**
 * Named points of a prune run at which a crash leaves a distinct state on disk. Tests pass a
 * `step` that throws (or kills its process) at one of them, then check that a re-run converges.
 */
export interface PruneHooks {
  step?: (name: string) => void;
}

export function step(hooks: PruneHooks | undefined, name: string): void {
  hooks?.step?.(name);
}
