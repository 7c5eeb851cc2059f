/**
 * A prune process that serves many trials: for each JSON line on stdin it runs one applyPrune
 * with pauses injected at named steps (synchronous, so the process really stands still there),
 * then prints one JSON line with the outcome. Used by lock-race.test.ts.
 * stdin line: { index, episodes, archive, flagged, pauses: { [step]: ms } }
 */
import readline from 'node:readline';
import { applyPrune, PruneError, type FlaggedEpisode } from '../../src/prune/index.js';

interface Trial {
  index: string;
  episodes: string;
  archive: string;
  flagged: FlaggedEpisode[];
  pauses: Record<string, number>;
}

const still = new Int32Array(new SharedArrayBuffer(4));

for await (const line of readline.createInterface({ input: process.stdin })) {
  const t = JSON.parse(line) as Trial;
  try {
    const res = await applyPrune({
      indexPath: t.index,
      episodesRoot: t.episodes,
      archiveRoot: t.archive,
      action: 'archive',
      flagged: t.flagged,
      hooks: {
        step: (name) => {
          const ms = t.pauses[name];
          if (ms) Atomics.wait(still, 0, 0, ms * (0.5 + Math.random()));
        },
      },
    });
    process.stdout.write(`${JSON.stringify({ acted: res.report.acted.length })}\n`);
  } catch (e) {
    const error = e instanceof PruneError ? e.message : `unexpected: ${(e as Error).stack ?? String(e)}`;
    process.stdout.write(`${JSON.stringify({ error })}\n`);
  }
}
