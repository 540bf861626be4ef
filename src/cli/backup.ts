// npm run --silent backup -- --db DB --out FILE
// A consistent copy of the database, safe while the bot runs. SQLite's online backup copies
// every page in one step, inside one read snapshot: the copy is one committed state, and in
// WAL mode the bot keeps writing meanwhile. (Copying in small steps would let the bot's
// writes between steps restart the copy, and a busy bot could keep it from ever finishing.)
// The copy is written next to FILE, checked, made a single file and only then renamed to
// FILE, so FILE is always either the previous backup or a complete new one.
import Database from 'better-sqlite3'
import { chmodSync, closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { FILE_MODE } from '../files.js'

const Args = z.object({ db: z.string().min(1), out: z.string().min(1) })

const { values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' } } })
const args = Args.safeParse(values)
if (!args.success || !existsSync(args.data.db) || resolve(args.data.db) === resolve(args.data.out)) {
  process.stderr.write(
    'usage: npm run --silent backup -- --db DB --out FILE  (DB must exist, FILE must differ from it)\n',
  )
  process.exit(2)
}
const { db, out } = args.data
const partial = `${out}.partial-${process.pid}`

try {
  // the copy holds what the database holds: the bot's user alone may read it (SQLite keeps the mode)
  closeSync(openSync(partial, 'w', FILE_MODE))
  chmodSync(partial, FILE_MODE)
  const source = new Database(db, { readonly: true, fileMustExist: true })
  source.pragma('busy_timeout = 5000')
  const { totalPages } = await source.backup(partial, { progress: () => 0x7fffffff })
  source.close()
  const copy = new Database(partial)
  // the copy carries the bot's WAL flag; a backup is easier to move around as one file
  copy.pragma('journal_mode = DELETE')
  const check = copy.pragma('integrity_check', { simple: true })
  copy.close()
  if (check !== 'ok') throw new Error(`integrity_check on the copy: ${String(check)}`)
  renameSync(partial, out)
  process.stderr.write(`backup: ${totalPages} pages of ${db} → ${out} (integrity ok)\n`)
} catch (err) {
  rmSync(partial, { force: true })
  rmSync(`${partial}-wal`, { force: true })
  rmSync(`${partial}-shm`, { force: true })
  process.stderr.write(`backup failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
