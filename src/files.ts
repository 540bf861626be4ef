// What the bot writes to disk holds members' phone numbers and addresses (the database, its
// WAL, exports) or lets someone act as the account (the login session). Only the bot's own
// user may read any of it: folders 0700, files 0600, set when they are made (chmod as well,
// since the process umask may be anything).
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'

export const DIR_MODE = 0o700
export const FILE_MODE = 0o600
/** An export not sent (or not removed after sending) is deleted this long after it was written. */
export const EXPORT_KEEP_MS = 24 * 3600_000

/** Make the bot's folder (data/ by default) readable by its own user only. The working
 * directory itself is left alone when the database sits directly in it. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE })
  if (resolve(dir) !== process.cwd()) chmodSync(dir, DIR_MODE)
}

/** Tighten a file the bot owns, if it exists (a database from an older version, the login session). */
export function privateFile(file: string): void {
  if (existsSync(file)) chmodSync(file, FILE_MODE)
}

/** Write a new file that no other writer can take: fails if the name exists. */
export function writePrivate(file: string, data: Uint8Array | string): void {
  writeFileSync(file, data, { mode: FILE_MODE, flag: 'wx' })
  chmodSync(file, FILE_MODE)
}

/** Write a file the bot's user alone may read, replacing one of that name (a CLI's --out). */
export function writePrivateOver(file: string, data: Uint8Array | string): void {
  writeFileSync(file, data, { mode: FILE_MODE })
  chmodSync(file, FILE_MODE)
}

/** A part no other export of the same room, sale and minute can share. */
export const uniquePart = (): string => randomBytes(4).toString('hex')

/** Delete exports older than EXPORT_KEEP_MS. Returns how many were removed. */
export function sweepExports(dir: string, now: number): number {
  if (!existsSync(dir)) return 0
  let removed = 0
  for (const name of readdirSync(dir)) {
    const file = join(dir, name)
    const st = statSync(file, { throwIfNoEntry: false })
    if (!st?.isFile() || now - st.mtimeMs < EXPORT_KEEP_MS) continue
    unlinkSync(file)
    removed++
  }
  return removed
}

/** Remove a file that has done its job (an export, once sent); a missing file is fine. */
export function removeQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // already gone: the daily sweep or another send removed it
  }
}
