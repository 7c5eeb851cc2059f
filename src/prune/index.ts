/** The prune API: plan, act, rewrite the index, resume after a crash. See apply.ts for the order of a run. */
export { acquireLockFor, applyPrune, pendingPruneNote, resumePendingPrune } from './apply.js';
export type { PruneReport } from './apply.js';
export { PruneError } from './durable.js';
export type { PruneLock } from './lock.js';
export { checkArchiveRoot } from './plan.js';
export type { FlaggedEpisode, PruneAction } from './plan.js';
