// Wiring: one database, the engine with every command, the paced sender.
import type { Logger } from 'pino'
import { openDb, type Db } from './db/db.js'
import { Engine } from './engine/engine.js'
import { Sender, DEFAULT_PACE, type Pace, type Transport } from './engine/sender.js'
import { Runtime } from './engine/runtime.js'
import { list } from '../commands/list.js'
import type { AnyCommand } from './engine/types.js'

export type App = { db: Db; engine: Engine; sender: Sender; runtime: Runtime; transport: Transport; close(): void }

/** `commands` replaces the registry, for a test that adds a fixture command. */
export function makeApp(opts: {
  dbFile: string
  transport: Transport
  log: Logger
  pace?: Pace
  gatherMs?: number
  commands?: AnyCommand[]
}): App {
  const db = openDb(opts.dbFile)
  const engine = new Engine(db, opts.commands ?? list(), { log: opts.log, gatherMs: opts.gatherMs })
  const sender = new Sender(db, opts.transport, opts.log, opts.pace ?? DEFAULT_PACE)
  return {
    db,
    engine,
    sender,
    runtime: new Runtime(engine, sender),
    transport: opts.transport,
    close: () => db.$client.close(),
  }
}
