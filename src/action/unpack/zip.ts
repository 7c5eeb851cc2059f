/**
 * Unpacking a zip through the SafeWriter with yauzl, which reads entries one at a time from the
 * central directory and checks every entry's inflated size against the size it declares (an
 * entry that inflates past it is cut off with an error). Each entry's declared size is counted
 * against the limit before it is inflated; entries that are not written are never inflated.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { UnpackError } from './limits.js';
import type { SafeWriter } from './safe-writer.js';

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const MAX_LINK_BYTES = 4096;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // strictFileNames false: backslash separators of Windows zip tools become '/'.
    yauzl.open(file, { lazyEntries: true, autoClose: true, decodeStrings: true, validateEntrySizes: true }, (err, zf) =>
      err ? reject(err) : resolve(zf),
    );
  });
}

function entryStream(zf: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zf.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
}

export async function unzip(file: string, out: SafeWriter): Promise<void> {
  let zf: yauzl.ZipFile;
  try {
    zf = await openZip(file);
  } catch (e) {
    throw new UnpackError(`${out.label}: not a readable zip: ${(e as Error).message}`);
  }
  try {
    await new Promise<void>((resolve, reject) => {
      zf.on('error', (e: Error) => {
        if (e instanceof UnpackError) reject(e);
        // yauzl's own name checks (absolute paths, "..", bad characters) come here.
        else if (/^(absolute path|invalid relative path|invalid characters)/.test(e.message))
          reject(new UnpackError(`${out.label}: refused entry: ${e.message}`));
        else reject(new UnpackError(`${out.label}: not a readable zip: ${e.message}`));
      });
      zf.on('end', () => resolve());
      zf.on('entry', (entry: yauzl.Entry) => {
        zipEntry(zf, entry, out).then(
          () => zf.readEntry(),
          (e: unknown) => reject(e instanceof UnpackError ? e : new UnpackError(`${out.label}: ${(e as Error).message}`)),
        );
      });
      zf.readEntry();
    });
  } finally {
    zf.close();
  }
}

/** The entry's contents, inflated as they are written; a size that lies is refused. */
async function* contents(zf: yauzl.ZipFile, entry: yauzl.Entry, out: SafeWriter): AsyncGenerator<Buffer, void, void> {
  out.unpack(entry.uncompressedSize, JSON.stringify(entry.fileName));
  try {
    for await (const c of await entryStream(zf, entry)) yield c as Buffer;
  } catch (e) {
    if (/^(too many|not enough) bytes in the stream/.test((e as Error).message)) {
      out.refuse(entry.fileName, `its data does not match the size it declares (${entry.uncompressedSize} bytes)`);
    }
    throw e;
  }
}

async function zipEntry(zf: yauzl.ZipFile, entry: yauzl.Entry, out: SafeWriter): Promise<void> {
  const name = entry.fileName;
  const madeOnUnix = entry.versionMadeBy >> 8 === 3;
  const mode = madeOnUnix ? (entry.externalFileAttributes >>> 16) & S_IFMT : 0;
  if (entry.isEncrypted()) out.refuse(name, 'is encrypted');
  if (name.endsWith('/') || mode === S_IFDIR) {
    await out.directory(name);
    return;
  }
  if (mode === S_IFLNK) {
    if (entry.uncompressedSize > MAX_LINK_BYTES) out.refuse(name, 'is a link with an over-long target');
    const chunks: Buffer[] = [];
    for await (const c of contents(zf, entry, out)) chunks.push(c);
    await out.symlink(name, Buffer.concat(chunks).toString('utf8'));
    return;
  }
  if (mode !== 0 && mode !== S_IFREG) out.refuse(name, 'is a device file, FIFO or socket');
  const fh = await out.openFile(name, entry.uncompressedSize);
  try {
    for await (const c of contents(zf, entry, out)) await fh.write(c);
  } finally {
    await fh.close();
  }
}
