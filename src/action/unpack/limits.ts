/** What a snapshot may unpack to, and the one error every refusal is. */
import { ConfigError } from '../../shared/errors.js';

export interface UnpackLimits {
  /**
   * Decompressed bytes: every byte the archive unpacks to counts, whether written or not (tar
   * headers, padding and the data of skipped entries; zip entries as they inflate). Bytes written
   * are held to it too, which bounds hard links copied from earlier files.
   */
  maxBytes: number;
  /** Entries (files, directories, links; tar extension headers count too). */
  maxEntries: number;
}

export const DEFAULT_UNPACK_LIMITS: Readonly<UnpackLimits> = Object.freeze({
  maxBytes: 20 * 1024 ** 3,
  maxEntries: 1_000_000,
});

/** The variable that lowers or raises `maxBytes` for the Action (a byte count). */
const MAX_BYTES_ENV = 'EPISODE_GATE_MAX_UNPACK_BYTES';

export class UnpackError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'UnpackError';
  }
}

/** The limits with `maxBytes` from the environment when it is set. */
export function unpackLimitsFromEnv(env: NodeJS.ProcessEnv): UnpackLimits {
  const raw = env[MAX_BYTES_ENV];
  if (raw === undefined || raw.trim() === '') return { ...DEFAULT_UNPACK_LIMITS };
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new ConfigError(`${MAX_BYTES_ENV} is ${JSON.stringify(raw)}: give a positive whole number of bytes, e.g. 21474836480 for 20 GiB`);
  }
  return { ...DEFAULT_UNPACK_LIMITS, maxBytes: n };
}

/** The error for a snapshot that would unpack past `maxBytes`, at the entry (or place) named. */
export function overLimit(label: string, limits: UnpackLimits, at: string): UnpackError {
  return new UnpackError(
    `${label}: unpacked size exceeds ${limits.maxBytes} bytes (at ${at}); refused (raise ${MAX_BYTES_ENV} if the snapshot is genuine)`,
  );
}
