// Opening the database: pragmas, then the committed drizzle migrations.
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { fileURLToPath } from 'node:url'
import { closeSync, existsSync, openSync } from 'node:fs'
import { dirname, join } from 'node:path'
import * as schema from './schema.js'
import { FILE_MODE, privateDir, privateFile } from '../files.js'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/** The package root is the nearest folder up with a package.json: the same from src/ (tsx,
 *  vitest) and from dist/src/ (compiled), so the committed migrations are found from both. */
function packageRoot(from: string): string {
  let dir = dirname(from)
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('no package.json above ' + from)
    dir = up
  }
  return dir
}

const migrationsFolder = join(packageRoot(fileURLToPath(import.meta.url)), 'drizzle')

/**
 * WAL lets readers (export, backup) run while the bot writes. synchronous=NORMAL in WAL
 * mode never corrupts and survives a killed process; only an OS crash or power loss may
 * drop the last commits. busy_timeout covers an export or backup holding a lock briefly.
 */
export function openDb(file: string): Db {
  const onDisk = file !== ':memory:' && file !== ''
  if (onDisk) {
    // SQLite gives the WAL and shared-memory files the database file's mode: make that 0600 first
    privateDir(dirname(file))
    closeSync(openSync(file, 'a', FILE_MODE))
    privateFile(file)
  }
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  if (onDisk) for (const f of [`${file}-wal`, `${file}-shm`]) privateFile(f)
  sqlite.pragma('synchronous = NORMAL')
  // checkpoints run from the live loop once a minute (see Engine.maintain), not inside
  // whichever message's commit happens to cross the page threshold: that commit used to
  // take several ms and set the p99 latency (npm run bench)
  sqlite.pragma('wal_autocheckpoint = 0')
  sqlite.pragma('busy_timeout = 5000')
  cacheStatements(sqlite)
  const db = drizzle(sqlite, { schema }) as Db
  // drizzle-kit rebuilds a table to alter it; that needs foreign keys off, and the pragma
  // is ignored inside the migrator's transaction, so switch them off around it and check after
  sqlite.pragma('foreign_keys = OFF')
  const before = appliedMigrations(sqlite)
  migrate(db, { migrationsFolder })
  // the check reads every row that has a foreign key (~50 ms with 10,000 open sales): it runs
  // only when a migration was applied just now, the only time rows can have been left broken
  if (appliedMigrations(sqlite) !== before) {
    const broken = sqlite.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) throw new Error(`migration left ${broken.length} rows with broken foreign keys`)
  }
  sqlite.pragma('foreign_keys = ON')
  return db
}

/** How many migrations the database has recorded (none before the first start). */
function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get()
  return table === undefined ? 0 : (sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number)
}

/**
 * drizzle asks the driver to compile every query's SQL again on each call; compiling was a
 * fifth of the engine's time per message (npm run bench). Reuse compiled statements by their
 * text. drizzle switches some statements to raw (array) rows, so each reuse starts from the
 * default mode again. Statements here are never iterated, so sharing one is safe.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite)
  const cache = new Map<string, Database.Statement>()
  sqlite.prepare = ((source: string) => {
    const found = cache.get(source)
    if (found) {
      if (found.reader) found.raw(false)
      return found
    }
    const fresh = prepare(source)
    if (cache.size < 1000) cache.set(source, fresh)
    return fresh
  }) as typeof sqlite.prepare
}
