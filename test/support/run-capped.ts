/**
 * Run a bundled command as a process under a memory cap and a time limit. The cap is enforced by
 * watching the process's resident memory (/proc/PID/status, every 10 ms) and killing it past the
 * cap: `ulimit -v` cannot be used, since V8 and WebAssembly reserve far more address space than
 * they touch. The peak (VmHWM, the kernel's high-water mark) is reported.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './helpers.js';

export interface CappedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Highest resident set size seen, in bytes. */
  peakRssBytes: number;
  /** Most threads seen at once (the main thread, Node's own, one per worker). */
  peakThreads: number;
  /** Why the run was stopped: over the cap or the time limit; null when it ended by itself. */
  killed: 'memory' | 'time' | null;
  elapsedMs: number;
}

function statusValue(pid: number, field: string): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function runCapped(
  bin: string,
  args: string[],
  opts: { capBytes: number; timeoutMs: number; cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<CappedRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist', bin), ...args], {
      cwd: opts.cwd ?? REPO,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let peak = 0;
    let peakThreads = 0;
    let killed: CappedRun['killed'] = null;
    const watch = setInterval(() => {
      const hwm = statusValue(child.pid!, 'VmHWM');
      if (hwm !== null) peak = Math.max(peak, hwm * 1024);
      peakThreads = Math.max(peakThreads, statusValue(child.pid!, 'Threads') ?? 0);
      if (peak > opts.capBytes && killed === null) {
        killed = 'memory';
        child.kill('SIGKILL');
      }
    }, 10);
    const timer = setTimeout(() => {
      if (killed === null) killed = 'time';
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, peakRssBytes: peak, peakThreads, killed, elapsedMs: performance.now() - started });
    });
  });
}
