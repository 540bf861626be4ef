// Transcript tests: typed steps in, the bot's sends out, on virtual time. The driver is
// tests/support/bot.ts; these are the short forms most transcript tests are written with,
// and `runReplay`, the replay-line path, for tests about the replay contract itself.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeApp, type App } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { RecordingTransport, replay, type OutLine } from '../src/replay.js'
import type { AnyCommand } from '../src/engine/types.js'
import { at, BAKERS, BAKING, Bot, type Member, type SayStep, type Step } from './support/bot.js'

export type { OutLine }
export { at }

/** One transcript step: a group declaration, a message, or a clock tick. */
export type In = Step

export const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'shantuan-')), 'test.sqlite')

/**
 * Run steps through a fresh app (or an existing db file: a restart) and return what the bot sent.
 * `commands` replaces the registry (a test adding a fixture command).
 */
export function run(
  lines: In[],
  dbFile = ':memory:',
  commands?: AnyCommand[],
): Promise<{ out: OutLine[]; errors: string[]; app: App }> {
  return new Bot({ dbFile, commands }).play(lines)
}

/**
 * Run steps and stop the process. With `crash` it stops right after handling the last step:
 * whatever was queued and not yet due stays unsent, as when the process is killed.
 */
export async function runThenStop(lines: In[], opts: { dbFile?: string; crash?: boolean } = {}): Promise<OutLine[]> {
  const bot = new Bot({ dbFile: opts.dbFile })
  const { out } = await bot.play(lines, { crash: opts.crash })
  bot.close()
  return out
}

/** A replay line as the contract has it, ids included (`roomId`, `ownerId`, `fromId`, `{name, id}` members). */
export type ReplayLine = In | Record<string, unknown>

/**
 * The same through the replay contract: each step as a JSON line, read by `replay` as the CLI does.
 * Tests about ids use this path: the replay is where the contract's ids are read.
 */
export async function runReplay(
  lines: ReplayLine[],
  dbFile = ':memory:',
): Promise<{ out: OutLine[]; errors: string[]; app: App }> {
  const transport = new RecordingTransport()
  const app = makeApp({ dbFile, transport, log: silentLogger() })
  const errors: string[] = []
  await replay(
    app,
    lines.map((l) => JSON.stringify(l)),
    (e) => errors.push(e),
  )
  return { out: transport.lines, errors, app }
}

type Extra = Partial<Omit<SayStep, 'at' | 'from' | 'text'>>

/** The group, its owner and members, at a time. */
export const group = (at: string, members: Member[] = BAKERS, room = BAKING, owner = '阿May'): In => ({
  at,
  room,
  owner,
  members,
})

export const say = (at: string, from: string, text: string, extra: Extra = {}): SayStep => ({
  at,
  room: BAKING,
  from,
  text,
  ...extra,
})

/** A message in another group. */
export const sayIn = (room: string, at: string, from: string, text: string, extra: Extra = {}): SayStep => ({
  at,
  room,
  from,
  text,
  ...extra,
})

export const texts = (out: OutLine[]) => out.map((o) => o.text)

export const LAUNCH = '/launch 云南蓝莓 125g×4盒\n价格: 59\n限量: 40\n限购: 3\n截止: 2026-12-04 20:00\n成团: 20'

/** Epoch ms of an output line's (or a test time's) `at`. */
export const ms = (iso: string) => Date.parse(iso)

/** The texts the bot sent to one group, in order. */
export const inRoom = (out: OutLine[], room = BAKING) => out.filter((o) => o.room === room)

/** The last `/status` board the group saw. */
export const lastBoard = (out: OutLine[]) => [...out].reverse().find((o) => o.text.startsWith('📋'))?.text ?? ''

/** The group at 10:00 and 阿May's blueberry sale (¥59.5, closing tonight at 8 unless told), with extra terms. */
export const blueberrySale = (terms = '', deadline = '今晚8点'): In[] => [
  group(at('10:00')),
  say(at('10:00'), '阿May', `/launch 蓝莓\n价格: 59.5\n截止: ${deadline}${terms}`),
]

/** Close and abort announcements (not the digests that mention them). */
export const closing = (out: OutLine[]) =>
  out.filter((o) => /已截单|已被团长撤团/.test(o.text) && !o.text.startsWith('【'))

/** Countdowns before a deadline. */
export const countdowns = (out: OutLine[]) => out.filter((o) => o.text.startsWith('⏰'))

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
