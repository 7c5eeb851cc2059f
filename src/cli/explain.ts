/** `episode-gate explain HOST/EPISODE`: one episode's verdict and why, in a terminal or as JSON. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { unsafeIdReason } from '../dataset/index-file.js';
import { readEpisodeDetail, tarballPath } from '../gate/episode-detail.js';
import { ConfigError } from '../shared/errors.js';
import { displayPath } from '../gate/run.js';
import { resolveSettings, type GateSettings } from '../gate/settings.js';
import { explainJson, explainText } from '../render/explain.js';
import { UsageError, options, type Parsed } from './args.js';
import type { CliIO } from './io.js';

export const EXPLAIN = options({
  version: { kind: 'flag', help: "show episode-gate's version and exit" },
  dataset: {
    kind: 'value',
    metavar: 'DIR',
    help: 'dataset root holding index.jsonl and episodes/ (default: the bundled fixtures)',
  },
  'episodes-root': {
    kind: 'value',
    metavar: 'DIR',
    help: 'episode tarballs, <root>/<host_id>/<episode_id>.tar.zst (instead of --dataset)',
  },
  settings: { kind: 'value', metavar: 'FILE', help: 'classifier settings file (see schema/settings.schema.json)' },
  set: { kind: 'multi', metavar: 'KEY=VALUE', help: 'override one setting, e.g. --set netflowSpreadBytes=40960' },
  json: { kind: 'flag', help: 'print the verdict, per-phase values and series as JSON' },
});

export async function explainCmd(
  args: Parsed<typeof EXPLAIN>,
  io: CliIO,
  dataset: { episodesRoot: string },
  overrides: Partial<GateSettings>,
): Promise<number> {
  const ids = args._;
  if (ids.length !== 1) throw new UsageError('expected exactly one HOST/EPISODE, e.g. lab-a/ep-rescued-by-netflow');
  const parts = ids[0]!.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1] || unsafeIdReason(parts[0]) || unsafeIdReason(parts[1])) {
    throw new UsageError(`expected HOST/EPISODE (host_id and episode_id of index.jsonl), got '${ids[0]}'`);
  }
  const [host, episode] = parts as [string, string];
  const settingsPath = args.settings;
  const { settings } = resolveSettings(
    settingsPath ? path.resolve(io.cwd, settingsPath) : undefined,
    overrides,
    settingsPath ? displayPath(settingsPath, io.cwd) : undefined,
  );
  const file = tarballPath(dataset.episodesRoot, host, episode);
  if (!existsSync(file)) {
    throw new ConfigError(
      `no tarball for ${host}/${episode} at ${displayPath(file, io.cwd)}; check HOST/EPISODE, and pass --dataset DIR for a dataset other than the bundled fixtures`,
    );
  }
  const detail = await readEpisodeDetail(file, host, episode, settings);
  io.out(args.json ? explainJson(detail) : explainText(detail));
  return 0;
}
