/**
 * Runs the bundled Action (node dist/index.js) the way the runner does: inputs as INPUT_<NAME>
 * (upper-cased, dashes kept), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, a workspace as the
 * working directory, and nothing else of the calling environment but PATH and HOME.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { REPO, tempDir } from './helpers.js';

export const REPO_ROOT = REPO;
const DIST_INDEX = path.join(REPO_ROOT, 'dist', 'index.js');
export const FIXTURE_DATASET = path.join(REPO_ROOT, 'fixtures', 'dataset');

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  properties: string;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  workspace: string;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** An existing workspace to reuse; default a fresh temp dir. */
  workspace?: string;
  /** The bundle to run; default the repository's dist/index.js. */
  entry?: string;
  /** A command that runs node, e.g. ['prlimit', '--data=1073741824', '--']. */
  wrapper?: string[];
}

export function makeWorkspace(): string {
  return tempDir('episode-gate-ws-');
}

function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const [, name, delim] = m;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
    out[name!] = value.join('\n');
  }
  return out;
}

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (m) out.push({ level: m[1] as Annotation['level'], properties: (m[2] ?? '').trim(), message: unescapeData(m[3]!) });
  }
  return out;
}

export async function runAction(opts: RunOptions = {}): Promise<ActionRun> {
  const workspace = opts.workspace ?? makeWorkspace();
  // Removed after the test file (RUNNER_TEMP may hold an unpacked snapshot of a GiB).
  const runnerDir = tempDir('episode-gate-runner-');
  const outputFile = path.join(runnerDir, 'output.txt');
  const summaryFile = path.join(runnerDir, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  mkdirSync(path.join(runnerDir, 'temp'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerDir,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: path.join(runnerDir, 'temp'),
    GITHUB_REPOSITORY: 'octo-org/episode-lab',
    GITHUB_RUN_ID: '4242',
    ...(process.env.EPISODE_GATE_ZSTD ? { EPISODE_GATE_ZSTD: process.env.EPISODE_GATE_ZSTD } : {}),
    ...opts.env,
  };
  for (const [k, v] of Object.entries(opts.inputs ?? {})) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;

  const [command, ...args] = [...(opts.wrapper ?? []), process.execPath, opts.entry ?? DIST_INDEX];
  const child = spawn(command!, args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, signal) => {
      // A process ended by a signal has no exit code: say which signal, where a failing test shows stderr.
      if (signal) stderr += `\n[runAction: the process was ended by ${signal}]\n`;
      resolve(c);
    });
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    annotations: parseAnnotations(stdout),
    workspace,
  };
}

/** No line of output looks like a stack frame. */
export function hasStackTrace(run: ActionRun): boolean {
  return /^\s+at .+[(:]\d+/m.test(run.stdout + run.stderr);
}
