/**
 * Writing a manifest folder: manifest.json, the in-toto statement and its predicate alone (what
 * `actions/attest` takes as `predicate-path`), and SHA256SUMS, only when the gate passed.
 * Each file is written whole or not at all. SHA256SUMS goes last, and a failed gate removes any
 * earlier one first: a folder holding SHA256SUMS always belongs to a passed gate.
 */
import { mkdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, fsErrorWithFix } from '../shared/errors.js';
import { writeFileAtomic } from '../shared/write-file.js';
import { sha256sums, statement, type Manifest } from './build.js';

export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';
const STATEMENT_FILE = 'statement.intoto.json';
const PREDICATE_FILE = 'predicate.json';

export interface ManifestFiles {
  dir: string;
  manifest: string;
  /** null when the gate failed: nothing is released. */
  sums: string | null;
  statement: string;
  predicate: string;
}

/** Pretty JSON with one line per listed episode, as the report is written. */
function formatManifest(m: Manifest): string {
  const lists = ['episodes', 'withheld', 'flagged'] as const;
  const head: Record<string, unknown> = { ...m };
  for (const k of lists) delete head[k];
  const body = (rows: readonly unknown[]): string =>
    rows.length === 0 ? '[]' : '[\n' + rows.map((r) => '    ' + JSON.stringify(r)).join(',\n') + '\n  ]';
  const text = JSON.stringify(head, null, 2).slice(0, -2);
  return text + lists.map((k) => `,\n  "${k}": ${body(m[k])}`).join('') + '\n}\n';
}

export function writeManifestDir(dir: string, m: Manifest, url: string | null): ManifestFiles {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new ConfigError(`cannot make the manifest folder ${dir}: ${fsErrorWithFix(e, 'give a writable --manifest folder', 'write')}`);
  }
  const files: ManifestFiles = {
    dir,
    manifest: path.join(dir, MANIFEST_FILE),
    sums: m.gate.passed ? path.join(dir, SUMS_FILE) : null,
    statement: path.join(dir, STATEMENT_FILE),
    predicate: path.join(dir, PREDICATE_FILE),
  };
  if (!m.gate.passed) {
    try {
      unlinkSync(path.join(dir, SUMS_FILE));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new ConfigError(
          `the gate failed but the earlier ${path.join(dir, SUMS_FILE)} cannot be removed: ${fsErrorWithFix(e, 'remove it by hand, it does not describe this run', 'write')}`,
        );
      }
    }
  }
  const st = statement(m, url);
  writeFileAtomic(files.statement, JSON.stringify(st, null, 2) + '\n', 'in-toto statement');
  writeFileAtomic(files.predicate, JSON.stringify(st.predicate, null, 2) + '\n', 'attestation predicate');
  writeFileAtomic(files.manifest, formatManifest(m), 'manifest');
  if (files.sums) writeFileAtomic(files.sums, sha256sums(m), 'SHA256SUMS');
  return files;
}
