// The one transaction seam. Every change runs in `withTx(db, async (tx) => …)`; code above it
// awaits and never assumes the database answers synchronously, so another database can sit
// behind this function. better-sqlite3 refuses an async function inside its own
// transaction(), so on SQLite a unit of work is BEGIN IMMEDIATE … COMMIT by hand, and the units
// on one connection run one at a time, in the order they were asked for, held by a queue:
// otherwise a second message's statements would land inside the first one's open transaction.
import type { Statement as SqliteStatement } from 'better-sqlite3'
import type { Db } from './db.js'

type Statement = SqliteStatement<[]>
type Lane = { tail: Promise<unknown>; begin: Statement; commit: Statement; rollback: Statement }
const lanes = new WeakMap<object, Lane>()

function laneOf(db: Db): Lane {
  let lane = lanes.get(db.$client)
  if (!lane) {
    const c = db.$client
    lane = {
      tail: Promise.resolve(),
      begin: c.prepare<[]>('BEGIN IMMEDIATE'),
      commit: c.prepare<[]>('COMMIT'),
      rollback: c.prepare<[]>('ROLLBACK'),
    }
    lanes.set(c, lane)
  }
  return lane
}

/**
 * Run `fn` after every unit of work queued before it on this connection, with no transaction
 * of its own (a WAL checkpoint cannot run inside one). Never call `serial` or `withTx` from
 * inside `fn`: the inner call would wait for the outer one forever.
 */
export function serial<T>(db: Db, fn: () => Promise<T> | T): Promise<T> {
  const lane = laneOf(db)
  const run = lane.tail.then(fn)
  // the queue goes on whatever this unit's outcome; the caller sees the outcome itself
  lane.tail = run.then(noop, noop)
  return run
}

/** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
export function withTx<T>(db: Db, fn: (tx: Db) => Promise<T> | T): Promise<T> {
  const lane = laneOf(db)
  return serial(db, async () => {
    lane.begin.run()
    try {
      const result = await fn(db)
      lane.commit.run()
      return result
    } catch (err) {
      // SQLite may already have rolled back on its own (a full disk, an I/O error)
      if (db.$client.inTransaction) lane.rollback.run()
      throw err
    }
  })
}

function noop(): void {}
