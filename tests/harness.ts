// Transcript tests: lines in (the replay contract), the bot's sends out, on virtual time.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeApp, type App } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { RecordingTransport, replay, type OutLine } from '../src/replay.js'
import type { AnyCommand } from '../src/engine/types.js'

export type { OutLine }

export type In = Record<string, unknown>

export const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'shantuan-')), 'test.sqlite')

/**
 * Run lines through a fresh app (or an existing db file: a restart) and return what the bot sent.
 * `commands` replaces the registry (a test adding a fixture command).
 */
export async function run(
  lines: In[],
  dbFile = ':memory:',
  commands?: AnyCommand[],
): Promise<{ out: OutLine[]; errors: string[]; app: App }> {
  const transport = new RecordingTransport()
  const app = makeApp({ dbFile, transport, log: silentLogger(), commands })
  const errors: string[] = []
  await replay(
    app,
    lines.map((l) => JSON.stringify(l)),
    (e) => errors.push(e),
  )
  return { out: transport.lines, errors, app }
}

/** The group, its owner and members, at a time. */
export const group = (
  at: string,
  members = ['阿May', 'Lily', 'Tom', 'Ann', 'Bob'],
  room = '烘焙同好群',
  owner = '阿May',
): In => ({ at, room, owner, members })

export const say = (at: string, from: string, text: string, extra: In = {}): In => ({
  at,
  room: '烘焙同好群',
  from,
  text,
  ...extra,
})

export const texts = (out: OutLine[]) => out.map((o) => o.text)

/** Shanghai wall time on 2026-12-01 (a Tuesday) unless a full date is given. */
export const at = (hm: string) => (hm.includes('T') ? hm : `2026-12-01T${hm}+08:00`)

export const LAUNCH = '/launch 云南蓝莓 125g×4盒\n价格: 59\n限量: 40\n限购: 3\n截止: 2026-12-04 20:00\n成团: 20'

/** A message in another group. */
export const sayIn = (room: string, at: string, from: string, text: string, extra: In = {}): In => ({
  at,
  room,
  from,
  text,
  ...extra,
})

/** Epoch ms of an output line's (or a test time's) `at`. */
export const ms = (iso: string) => Date.parse(iso)

/** The texts the bot sent to one group, in order. */
export const inRoom = (out: OutLine[], room = '烘焙同好群') => out.filter((o) => o.room === room)

/** The last `/status` board the group saw. */
export const lastBoard = (out: OutLine[]) => [...out].reverse().find((o) => o.text.startsWith('📋'))?.text ?? ''

/** Progress digests (per-member notices folded into one message). */
export const digests = (out: OutLine[]) => out.filter((o) => o.text.startsWith('【') || o.text.startsWith('📣'))

export type Tally = { sold: number; stock: number | null; waiting: number; buyers: number }

/** The numbers of a single-item sale's board (the last `/status` answer, or the n-th board in it). */
export function tally(out: OutLine[], n = 0): Tally {
  const board = lastBoard(out).split('\n\n')[n] ?? ''
  const sold = /已接 (\d+)(?:\/(\d+))? 份/.exec(board)
  if (!sold) throw new Error(`no tally in board: ${board}`)
  return {
    sold: Number(sold[1]),
    stock: sold[2] === undefined ? null : Number(sold[2]),
    waiting: Number(/候补 (\d+) 份/.exec(board)?.[1] ?? 0),
    buyers: Number(/(\d+) 人/.exec(board)?.[1] ?? NaN),
  }
}

/** A close summary as the group reads it: the headline and who pays what (other lines are notes). */
export const summary = (text: string) => ({
  head: text.split('\n')[0],
  bills: text.split('\n').filter((l) => l.includes('应付')),
})
