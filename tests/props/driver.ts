// A scripted session against the real app on virtual time, with the same stepping as
// the replay tool (advance, handle, advance), plus restarts on the same database file
// and a logger that writes into memory so tests can read what was logged.
import pino, { type Logger } from 'pino'
import { makeApp, type App } from '../../src/app.js'
import { VirtualClock } from '../../src/engine/runtime.js'
import type { Pace, Transport } from '../../src/engine/sender.js'
import { RecordingTransport, type OutLine } from '../../src/replay.js'
import { silentLogger } from '../../src/log.js'

/** A pino logger at `level` whose JSON lines land in `lines`. */
export function memoryLogger(level = 'trace'): { log: Logger; lines: string[] } {
  const lines: string[] = []
  const log = pino({ level, base: undefined }, { write: (s: string) => void lines.push(s) })
  return { log, lines }
}

export type DriverOptions = {
  dbFile?: string
  start: number
  log?: Logger
  /** wraps the recording transport, e.g. to make some sends fail */
  wrap?: (recorder: Transport) => Transport
  pace?: Pace
}

export class Driver {
  app: App
  readonly clock: VirtualClock
  readonly recorder = new RecordingTransport()
  private seq = 0
  private readonly opts: DriverOptions
  /** the start-up recovery, awaited before anything else the driver does */
  private ready: Promise<void>

  constructor(opts: DriverOptions) {
    this.opts = opts
    this.clock = new VirtualClock(opts.start)
    this.app = this.open()
    this.ready = this.app.engine.recover(opts.start)
  }

  get out(): OutLine[] {
    return this.recorder.lines
  }

  now(): number {
    return this.clock.now()
  }

  private open(): App {
    const transport = this.opts.wrap ? this.opts.wrap(this.recorder) : this.recorder
    return makeApp({
      dbFile: this.opts.dbFile ?? ':memory:',
      transport,
      log: this.opts.log ?? silentLogger(),
      pace: this.opts.pace,
    })
  }

  /** Let virtual time reach `t`: deadlines, countdowns, digests and paced sends run in order. */
  async until(t: number): Promise<void> {
    await this.ready
    await this.app.runtime.advanceTo(this.clock, Math.max(t, this.clock.now()))
  }

  async wait(ms: number): Promise<void> {
    await this.until(this.clock.now() + ms)
  }

  async group(room: string, owner: string | null, members: string[] | null): Promise<void> {
    await this.ready
    await this.app.engine.declareGroup(room, owner, members, this.clock.now())
  }

  /** A message at the current virtual time; returns its id (pass one to re-deliver a message). */
  async say(room: string | null, from: string, text: string, id?: string): Promise<string> {
    const msgId = id ?? `d${++this.seq}`
    await this.ready
    await this.until(this.clock.now())
    await this.app.engine.handle({ id: msgId, at: this.clock.now(), room, from, text })
    await this.until(this.clock.now())
    return msgId
  }

  /** Stop the process and start it again on the same database file, `downMs` later. */
  async restart(downMs = 0): Promise<void> {
    if (this.opts.dbFile === undefined) throw new Error('a restart needs a database file')
    this.app.close()
    this.clock.set(this.clock.now() + downMs)
    this.app = this.open()
    await this.app.engine.recover(this.clock.now())
    await this.until(this.clock.now())
  }

  /** Run on until pending digests and the outbox are empty (what replay does after its last line). */
  async drain(): Promise<void> {
    await this.ready
    await this.app.runtime.drain(this.clock)
  }

  close(): void {
    this.app.close()
  }
}
