/**
 * Unpacking a dataset snapshot (.zip, .tar, .tar.zst, .tar.gz) into an empty folder, safely:
 * every entry lands inside that folder under the SafeWriter's rules (unpack/safe-writer.ts),
 * the archive is decompressed only as fast as it is written (bounded memory), and every byte it
 * unpacks to counts against the size limit, whether it is written or skipped. The archive kind
 * is told by its first bytes, not by its name.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { decompressed } from './unpack/decompress.js';
import { DEFAULT_UNPACK_LIMITS, UnpackError, type UnpackLimits } from './unpack/limits.js';
import { SafeWriter } from './unpack/safe-writer.js';
import { sniffArchive, type ArchiveKind } from './unpack/sniff.js';
import { untar } from './unpack/tar.js';
import { unzip } from './unpack/zip.js';

export { DEFAULT_UNPACK_LIMITS, UnpackError, unpackLimitsFromEnv, type UnpackLimits } from './unpack/limits.js';
export { entrySegments } from './unpack/safe-writer.js';
export { sniffArchive } from './unpack/sniff.js';

export interface UnpackResult {
  kind: ArchiveKind;
  files: number;
  /** Bytes written (file contents). */
  bytes: number;
}

/** Unpack `file` into `dest` (created if missing; should be empty). */
export async function unpackArchive(file: string, dest: string, limits: UnpackLimits = DEFAULT_UNPACK_LIMITS): Promise<UnpackResult> {
  const label = path.basename(file);
  const kind = await sniffArchive(file);
  if (!kind) throw new UnpackError(`${label} is not a .zip, .tar, .tar.zst or .tar.gz snapshot`);
  await mkdir(dest, { recursive: true });
  const out = new SafeWriter(dest, limits, label);
  if (kind === 'zip') await unzip(file, out);
  else {
    try {
      await untar(decompressed(file, kind), out);
    } catch (e) {
      if (e instanceof UnpackError) throw e;
      throw new UnpackError(`${label}: cannot decompress: ${(e as Error).message}`);
    }
  }
  return { kind, files: out.files, bytes: out.bytes };
}
