// The replay contract: JSONL in, the bot's sends out as JSONL, on virtual time.
// This only translates lines into engine calls; the engine decides everything.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { App } from './app.js'
import { VirtualClock } from './engine/runtime.js'
import type { OutMessage, Transport } from './engine/sender.js'
import { isoAt } from './core/iso.js'
import type { LiveRoom } from './engine/relogin.js'

const Line = z.object({
  at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'at is not a time'),
  room: z.string().min(1).optional(),
  roomId: z.string().min(1).optional(),
  owner: z.string().min(1).optional(),
  ownerId: z.string().min(1).optional(),
  members: z.array(z.union([z.string(), z.object({ name: z.string().min(1), id: z.string().min(1) })])).optional(),
  from: z.string().min(1).optional(),
  fromId: z.string().min(1).optional(),
  text: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  relogin: z.literal(true).optional(),
})

export type OutLine = {
  at: string
  room?: string
  roomId?: string
  to?: string
  toId?: string
  text: string
  mentions: string[]
  mentionIds?: string[]
  file?: string
}

/** A transport that records what the bot would send, with the virtual time of each send. */
export class RecordingTransport implements Transport {
  readonly lines: OutLine[] = []
  /** set once the input carried ids: only then do lines show them, so old transcripts give today's output */
  withIds = false
  constructor(private readonly onLine?: (l: OutLine) => void) {}
  async send(m: OutMessage, at: number): Promise<void> {
    const line: OutLine =
      m.room !== null
        ? {
            at: isoAt(at),
            room: m.room,
            ...(this.withIds ? { roomId: m.roomId! } : {}),
            text: m.text,
            mentions: m.mentions,
          }
        : {
            at: isoAt(at),
            to: m.toName!,
            ...(this.withIds ? { toId: m.toId! } : {}),
            text: m.text,
            mentions: m.mentions,
          }
    if (this.withIds) line.mentionIds = m.mentionIds
    // a file sent with the message (a private export) is named by its path
    if (m.file) line.file = m.file
    this.lines.push(line)
    this.onLine?.(line)
  }
}

export type ReplayResult = { errors: string[] }

/** Feed replay lines to the app. `lineNo` counts from 1 for error reports. */
export async function replay(app: App, input: string[], report: (msg: string) => void): Promise<void> {
  let clock: VirtualClock | null = null
  // a relogin line gathers the declarations with its `at` right after it: the live set of rooms
  let login: { at: string; rooms: LiveRoom[] } | null = null
  const endLogin = async () => {
    if (login === null) return
    const rooms = login.rooms
    login = null
    await app.engine.relogin(rooms, clock!.now())
    await app.runtime.advanceTo(clock!, clock!.now())
  }
  for (const [i, raw] of input.entries()) {
    const lineNo = i + 1
    if (raw.trim() === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      report(`line ${lineNo}: not valid JSON, skipped`)
      continue
    }
    const r = Line.safeParse(parsed)
    if (!r.success) {
      report(
        `line ${lineNo}: ${r.error.issues.map((x) => `${x.path.join('.') || 'line'} ${x.message}`).join('; ')}, skipped`,
      )
      continue
    }
    const l = r.data
    if (app.transport instanceof RecordingTransport && carriesIds(l)) app.transport.withIds = true
    const declares = l.text === undefined && l.room !== undefined && (l.owner !== undefined || l.members !== undefined)
    if (login !== null && declares && l.at === login.at) {
      login.rooms.push({
        place: { roomId: l.roomId ?? l.room!, topic: l.room! },
        owner: ownerOf(l),
        members: l.members?.map(person) ?? null,
      })
      continue
    }
    await endLogin()
    if (l.text !== undefined && l.from === undefined) {
      report(`line ${lineNo}: a message needs "from", skipped`)
      continue
    }
    const at = Date.parse(l.at)
    if (clock === null) {
      // the first line sets the clock; on a database that already holds data this is a restart
      clock = new VirtualClock(at)
      await app.engine.recover(at)
    }
    await app.runtime.advanceTo(clock, at)
    const now = clock.now()
    if (l.relogin) {
      login = { at: l.at, rooms: [] }
      continue
    }
    if (l.text !== undefined) {
      const id = l.id !== undefined ? String(l.id) : madeUpId(lineNo, raw)
      await app.engine.handle({
        id,
        at: now,
        room: l.room ?? null,
        roomId: l.room !== undefined ? l.roomId : undefined,
        from: l.from!,
        fromId: l.fromId,
        text: l.text,
      })
    } else if (declares) {
      await app.engine.declareGroup({ roomId: l.roomId ?? l.room!, topic: l.room! }, ownerOf(l), l.members ?? null, now)
    }
    await app.runtime.advanceTo(clock, now)
  }
  await endLogin()
  if (clock !== null) await app.runtime.drain(clock)
}

/** Lines without an id get one from their content and position, stable across runs of the same file. */
export function madeUpId(lineNo: number, raw: string): string {
  return `line-${lineNo}-${createHash('sha1').update(raw).digest('hex').slice(0, 12)}`
}

/** Without ids the topic stands for the room's id and a name for the member's id. */
function ownerOf(l: z.infer<typeof Line>): { name: string; id: string } | null {
  return l.owner === undefined ? null : { name: l.owner, id: l.ownerId ?? idOfOnly(l.members, l.owner) ?? l.owner }
}

const person = (m: string | { name: string; id: string }) => (typeof m === 'string' ? { name: m, id: m } : m)

function carriesIds(l: z.infer<typeof Line>): boolean {
  return (
    l.roomId !== undefined ||
    l.ownerId !== undefined ||
    l.fromId !== undefined ||
    (l.members ?? []).some((m) => typeof m !== 'string')
  )
}

/** The id of the one listed member with that name (a declaration that gave member ids but no ownerId). */
function idOfOnly(list: z.infer<typeof Line>['members'], name: string): string | undefined {
  const hits = (list ?? []).filter((m) => typeof m !== 'string' && m.name === name)
  return hits.length === 1 && typeof hits[0] !== 'string' ? hits[0].id : undefined
}
