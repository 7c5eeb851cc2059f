/**
 * Runs one prune and kills its own process with SIGKILL at the n-th step: a real crash, with no
 * chance to close files or release the lock. Used by crash.test.ts.
 * argv: <index> <episodes-root> <archive-root> <archive|delete> <kill-at-step> <flagged JSON>
 */
import { applyPrune, type FlaggedEpisode, type PruneAction } from '../../src/prune/index.js';

const [indexPath, episodesRoot, archiveRoot, action, killAt, flagged] = process.argv.slice(2) as [
  string,
  string,
  string,
  PruneAction,
  string,
  string,
];
let n = 0;
await applyPrune({
  indexPath,
  episodesRoot,
  archiveRoot,
  action,
  flagged: JSON.parse(flagged) as FlaggedEpisode[],
  hooks: {
    step: () => {
      if (n++ === Number(killAt)) process.kill(process.pid, 'SIGKILL');
    },
  },
});
process.stdout.write(`finished after ${n} steps\n`);
