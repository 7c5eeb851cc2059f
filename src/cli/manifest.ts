/**
 * The command line's release manifest: `--manifest DIR` on scan, check and merge, and the
 * `verify` command that checks a folder against a manifest.
 */
import path from 'node:path';
import type { Report } from '../gate/report.js';
import { displayPath } from '../gate/run.js';
import { buildManifest, runUrl, type GateDecision } from '../manifest/build.js';
import { readManifest, verifyDataset } from '../manifest/verify.js';
import { writeManifestDir } from '../manifest/write.js';
import { UsageError, options, type Parsed } from './args.js';
import type { CliIO } from './io.js';

const PROG = 'episode-gate';

export const MANIFEST_OPTION = options({
  manifest: {
    kind: 'value',
    metavar: 'DIR',
    help: 'write the kept episodes with their sha256 to DIR: SHA256SUMS (only when the gate passed), manifest.json, statement.intoto.json, predicate.json',
  },
});

export const VERIFY = options({
  version: { kind: 'flag', help: "show episode-gate's version and exit" },
  manifest: { kind: 'value', metavar: 'FILE', help: 'manifest.json written by --manifest DIR (or that folder)' },
  dataset: {
    kind: 'value',
    metavar: 'DIR',
    help: "the folder the manifest's paths are relative to: an export, or the dataset root",
  },
  'allow-extra': {
    kind: 'flag',
    help: 'do not count tarballs the manifest does not list (e.g. the flagged ones, verifying the dataset itself)',
  },
});

export const VERIFY_DESCRIPTION =
  'Check that DIR holds every tarball the manifest releases, each with its sha256, and no other *.tar.zst (unless --allow-extra). One line per problem on standard output. Exit 0 verified, 1 a tarball is missing, changed or extra (or the manifest records a failed gate), 2 the tool could not run.';

export function writeManifest(dir: string, report: Report, d: GateDecision, io: CliIO): void {
  const manifest = buildManifest(report, d);
  const files = writeManifestDir(path.resolve(io.cwd, dir), manifest, runUrl(io.env));
  const show = (p: string): string => displayPath(p, io.cwd);
  const n = manifest.episodes.length;
  io.err(
    files.sums
      ? `${PROG}: manifest written to ${show(files.dir)}: ${show(files.sums)} lists ${n} kept episode${n === 1 ? '' : 's'}\n`
      : `${PROG}: manifest written to ${show(files.dir)} with verdict FAILED: no SHA256SUMS, nothing is released\n`,
  );
}

export async function verifyCmd(args: Parsed<typeof VERIFY>, io: CliIO): Promise<number> {
  const manifestArg = args.manifest;
  const datasetArg = args.dataset;
  if (!manifestArg) throw new UsageError('the following arguments are required: --manifest');
  if (!datasetArg) throw new UsageError('the following arguments are required: --dataset');
  const show = (p: string): string => displayPath(p, io.cwd);
  const loaded = readManifest(path.resolve(io.cwd, manifestArg), show);
  const root = path.resolve(io.cwd, datasetArg);
  const started = performance.now();
  const r = await verifyDataset(loaded, root, { allowExtra: args['allow-extra'] });
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  for (const p of r.problems) io.out(`${p.kind} ${p.path}: ${p.detail}\n`);
  if (r.problems.length > 0) {
    const n = r.problems.length;
    io.err(`${PROG}: VERIFY FAILED (exit 1): ${n} problem${n === 1 ? '' : 's'} in ${show(root)} against ${show(loaded.file)}\n`);
    return 1;
  }
  const extra = args['allow-extra'] ? ' (other tarballs allowed)' : ', and no other tarball';
  io.err(
    `${PROG}: VERIFIED: ${show(root)} holds the ${r.listed} tarballs of ${show(loaded.file)} with their sha256${extra}; ${(r.bytes / 1e6).toFixed(1)} MB hashed in ${secs} s\n`,
  );
  return 0;
}
