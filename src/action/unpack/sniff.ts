/** The archive kind of a snapshot, told by its first bytes, not by its name. */
import { open } from 'node:fs/promises';

export type ArchiveKind = 'zip' | 'tar' | 'tar.zst' | 'tar.gz';

/** The archive kind from the first bytes of a file; null when it is none of ours. */
export async function sniffArchive(file: string): Promise<ArchiveKind | null> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await fh.read(head, 0, 512, 0);
    const b = head.subarray(0, bytesRead);
    if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6)) return 'zip';
    if (b.length >= 4 && b.readUInt32LE(0) === 0xfd2fb528) return 'tar.zst';
    if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'tar.gz';
    if (b.length >= 262 && b.toString('latin1', 257, 262) === 'ustar') return 'tar';
    return null;
  } finally {
    await fh.close();
  }
}
