/**
 * Which processes hold a given file open for writing, read from Linux's /proc: for every
 * /proc/<pid>/fd/<n> that is the file (same device and inode), /proc/<pid>/fdinfo/<n> gives the
 * open flags; O_WRONLY or O_RDWR means a writer. Processes we may not inspect (another user's,
 * when not root) make the answer uncertain rather than wrong.
 */
import fs from 'node:fs';

export interface FileId {
  dev: bigint;
  ino: bigint;
}

export interface WriterScan {
  pids: number[];
  /** True when some process could not be inspected, or /proc is not there. */
  uncertain: boolean;
}

export function writersOf(file: FileId, procRoot = '/proc'): WriterScan {
  let pids: string[];
  try {
    pids = fs.readdirSync(procRoot).filter((n) => /^\d+$/.test(n));
  } catch {
    return { pids: [], uncertain: true };
  }
  const found: number[] = [];
  let uncertain = false;
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`${procRoot}/${pid}/fd`);
    } catch (e) {
      // The process ended meanwhile (ENOENT) or is not ours to inspect (EACCES).
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') uncertain = true;
      continue;
    }
    for (const fd of fds) {
      let st: fs.BigIntStats | undefined;
      try {
        st = fs.statSync(`${procRoot}/${pid}/fd/${fd}`, { bigint: true, throwIfNoEntry: false });
      } catch {
        continue; // closed meanwhile, or a descriptor stat cannot follow
      }
      if (!st || st.dev !== file.dev || st.ino !== file.ino) continue;
      if (openedForWriting(`${procRoot}/${pid}/fdinfo/${fd}`)) {
        found.push(Number(pid));
        break;
      }
    }
  }
  return { pids: found, uncertain };
}

function openedForWriting(fdinfo: string): boolean {
  let text: string;
  try {
    text = fs.readFileSync(fdinfo, 'utf8');
  } catch {
    return false; // closed meanwhile
  }
  const m = /^flags:\s*([0-7]+)/m.exec(text);
  if (!m) return true; // cannot tell: assume the worst
  return (parseInt(m[1]!, 8) & 0o3) !== 0;
}
