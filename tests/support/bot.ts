// The one transcript driver: typed steps in, the bot's sends out, on virtual time, against the
// real app (engine, outbox, scheduler). It steps like the replay tool: the first step sets the
// clock and runs the start-up recovery; each step lets time reach it, is handled, and lets time
// reach it again; at the end pending digests and the outbox are drained.
//
// Two ways in, one engine underneath:
//  - a script, written as data: bot().at('10:00').group('烘焙同好群', { owner: '阿May' }).say('Lily', '+2').run()
//  - the same Bot driven step by step (property tests that check a model after every message).
// The replay-line path (JSON in, the `replay` contract) stays in tests/harness.ts `runReplay`.
import pino, { type Logger } from 'pino'
import { makeApp, type App } from '../../src/app.js'
import { VirtualClock } from '../../src/engine/runtime.js'
import type { Pace, Transport } from '../../src/engine/sender.js'
import type { AnyCommand } from '../../src/engine/types.js'
import { silentLogger } from '../../src/log.js'
import { madeUpId, RecordingTransport, type OutLine } from '../../src/replay.js'

export type { OutLine }

/** A member as a name, or with the platform's contact id (carried for the identity work; names decide today). */
export type Member = string | { name: string; id?: string }

/** The group, its owner and members, declared at a time (what the adapter reports on a room sync). */
export type GroupStep = { at: string; room: string; roomId?: string; owner?: string | null; members?: Member[] }

/** A message: in a group when `room` is set, else private. */
export type SayStep = {
  at: string
  room?: string
  roomId?: string
  from: string
  fromId?: string
  text: string
  /** the platform's message id; a re-delivered message carries the same one */
  id?: string | number
  /** sent from the bot's own account (typed on its phone, or its own echo) */
  self?: boolean
  /** the names the platform says were @-mentioned */
  mentions?: string[]
}

/** Only the clock moves. */
export type TickStep = { at: string }

/** What a message may carry besides its sender and text. */
export type SayExtra = Partial<Pick<SayStep, 'id' | 'fromId' | 'roomId' | 'self' | 'mentions'>>

export type Step = GroupStep | SayStep | TickStep

const isSay = (s: Step): s is SayStep => 'text' in s
const isGroup = (s: Step): s is GroupStep => 'room' in s && !('text' in s)

export const memberName = (m: Member) => (typeof m === 'string' ? m : m.name)

/** A pino logger at `level` whose JSON lines land in `lines`. */
export function memoryLogger(level = 'trace'): { log: Logger; lines: string[] } {
  const lines: string[] = []
  const log = pino({ level, base: undefined }, { write: (s: string) => void lines.push(s) })
  return { log, lines }
}

export type BotOptions = {
  /** a file to keep the database in (restarts); in memory otherwise */
  dbFile?: string
  /** virtual start time (epoch ms); without it the first step's time */
  start?: number
  log?: Logger
  /** wraps the recording transport, e.g. to make some sends fail */
  wrap?: (recorder: Transport) => Transport
  pace?: Pace
  /** replaces the command registry (a test adding a fixture command) */
  commands?: AnyCommand[]
}

export type PlayOptions = {
  /**
   * Stop right after handling each step, without letting time catch up and without the final
   * drain: whatever was queued and not yet due stays unsent, as when the process is killed.
   */
  crash?: boolean
}

export type Played = { out: OutLine[]; errors: string[]; app: App }

export class Bot {
  app: App
  readonly recorder = new RecordingTransport()
  private clock: VirtualClock | null = null
  private seq = 0
  private ready: Promise<void> = Promise.resolve()

  constructor(private readonly opts: BotOptions = {}) {
    this.app = this.open()
    if (opts.start !== undefined) this.begin(opts.start)
  }

  /** What the bot sent so far. */
  get out(): OutLine[] {
    return this.recorder.lines
  }

  now(): number {
    if (this.clock === null) throw new Error('the bot has no clock yet: give `start` or play a step first')
    return this.clock.now()
  }

  private open(): App {
    const transport = this.opts.wrap ? this.opts.wrap(this.recorder) : this.recorder
    const { dbFile = ':memory:', log = silentLogger(), pace, commands } = this.opts
    return makeApp({ dbFile, transport, log, pace, commands })
  }

  /** The first moment: the clock starts and the start-up recovery runs (a restart when the file holds data). */
  private begin(t: number): VirtualClock {
    const clock = new VirtualClock(t)
    this.clock = clock
    this.ready = this.app.engine.recover(t)
    return clock
  }

  /** Let virtual time reach `t`: deadlines, countdowns, digests and paced sends run in order. */
  async until(t: number): Promise<void> {
    const clock = this.clock ?? this.begin(t)
    await this.ready
    await this.app.runtime.advanceTo(clock, Math.max(t, clock.now()))
  }

  async wait(ms: number): Promise<void> {
    await this.until(this.now() + ms)
  }

  /** Declare a group at the current time. */
  async group(room: string, opts: Partial<Pick<GroupStep, 'owner' | 'members' | 'roomId'>> = {}): Promise<void> {
    await this.ready
    // as the replay reads a declaration: without ids a name is the member's id and the topic the room's
    const person = (m: Member) => (typeof m === 'string' ? { name: m, id: m } : { name: m.name, id: m.id ?? m.name })
    const people = opts.members?.map(person) ?? null
    const owner = opts.owner == null ? null : (people?.find((p) => p.name === opts.owner) ?? person(opts.owner))
    await this.app.engine.declareGroup({ roomId: opts.roomId ?? room, topic: room }, owner, people, this.now())
  }

  /** A message at the current time (room null: private); returns its id (pass one to re-deliver a message). */
  async say(room: string | null, from: string, text: string, extra: SayExtra = {}): Promise<string> {
    const id = extra.id !== undefined ? String(extra.id) : `d${++this.seq}`
    await this.until(this.now())
    await this.handle({ at: '', room: room ?? undefined, from, text, ...extra, id }, this.now())
    await this.until(this.now())
    return id
  }

  private async handle(s: SayStep, at: number): Promise<void> {
    await this.app.engine.handle({
      id: String(s.id),
      at,
      room: s.room ?? null,
      from: s.from,
      text: s.text,
      self: s.self,
      fromId: s.fromId,
      roomId: s.roomId,
      mentions: s.mentions,
    })
  }

  /**
   * Run steps in order and drain. A step the bot would never be handed (a time that does not parse,
   * an empty name) is skipped and reported as `line N: …`, as the replay reports a bad line.
   */
  async play(steps: Step[], opts: PlayOptions = {}): Promise<Played> {
    const errors: string[] = []
    for (const [i, s] of steps.entries()) {
      const lineNo = i + 1
      const t = Date.parse(s.at)
      const bad = Number.isNaN(t)
        ? 'at is not a time'
        : isSay(s) && s.from === ''
          ? 'from is empty'
          : 'room' in s && s.room === ''
            ? 'room is empty'
            : null
      if (bad !== null) {
        errors.push(`line ${lineNo}: ${bad}, skipped`)
        continue
      }
      await this.until(t)
      const now = this.now()
      if (isSay(s)) await this.handle({ ...s, id: s.id ?? madeUpId(lineNo, JSON.stringify(s)) }, now)
      else if (isGroup(s) && (s.owner !== undefined || s.members !== undefined)) await this.group(s.room, s)
      if (!opts.crash) await this.until(now)
    }
    if (!opts.crash) await this.drain()
    return { out: this.out, errors, app: this.app }
  }

  /** Stop the process and start it again on the same database file, `downMs` later. */
  async restart(downMs = 0): Promise<void> {
    if (this.opts.dbFile === undefined) throw new Error('a restart needs a database file')
    const t = this.now() + downMs
    this.app.close()
    this.app = this.open()
    this.clock = null
    await this.until(t)
  }

  /** Run on until pending digests and the outbox are empty (what the replay does after its last line). */
  async drain(): Promise<void> {
    if (this.clock === null) return
    await this.ready
    await this.app.runtime.drain(this.clock)
  }

  close(): void {
    this.app.close()
  }
}

export const BAKING = '烘焙同好群'
export const BAKERS = ['阿May', 'Lily', 'Tom', 'Ann', 'Bob']

/** Shanghai wall time on 2026-12-01 (a Tuesday) unless a full date is given. */
export const at = (hm: string) => (hm.includes('T') ? hm : `2026-12-01T${hm}+08:00`)

/**
 * A transcript written as a chain: `.at()` moves the pen's clock, `.group()` declares a group and
 * makes it the one `.say()` speaks in, `.dm()` is a private message, `.run()` plays it on a fresh Bot.
 */
export class Script {
  readonly steps: Step[] = []
  private time = at('10:00')
  private room: string | undefined = undefined
  /** room ids of the groups declared with one: their messages carry it, as the platform's do */
  private readonly roomIds = new Map<string, string>()

  /** Later steps happen at `hm` (see `at`). */
  at(hm: string): this {
    this.time = at(hm)
    return this
  }

  group(room = BAKING, opts: { owner?: string | null; members?: Member[]; roomId?: string } = {}): this {
    this.room = room
    const { owner = '阿May', members = BAKERS, roomId } = opts
    if (roomId) this.roomIds.set(room, roomId)
    this.steps.push({ at: this.time, room, owner, members, ...(roomId ? { roomId } : {}) })
    return this
  }

  /** Later messages go to `room` (declared earlier). */
  in(room: string): this {
    this.room = room
    return this
  }

  /** A message in the current group (see `group`, `in`); `dm` is the private one. */
  say(from: string, text: string, extra: Partial<Omit<SayStep, 'at' | 'from' | 'text'>> = {}): this {
    const room = extra.room ?? this.room
    if (room === undefined) throw new Error('say() speaks in a group: name one with .group() or .in(), or use .dm()')
    const roomId = this.roomIds.get(room)
    this.steps.push({ at: this.time, room, from, text, ...(roomId ? { roomId } : {}), ...extra })
    return this
  }

  dm(from: string, text: string, extra: Partial<Omit<SayStep, 'at' | 'from' | 'text' | 'room'>> = {}): this {
    this.steps.push({ at: this.time, from, text, ...extra })
    return this
  }

  /** Only the clock moves to `hm`. */
  tick(hm: string): this {
    this.time = at(hm)
    this.steps.push({ at: this.time })
    return this
  }

  /** Steps written another way, appended as they are. */
  add(...steps: Step[]): this {
    this.steps.push(...steps)
    return this
  }

  run(opts: BotOptions & PlayOptions = {}): Promise<Played> {
    return new Bot(opts).play(this.steps, opts)
  }
}

export const bot = () => new Script()
