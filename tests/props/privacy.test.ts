// Privacy: what a member types into a join or any command (a phone number, an address)
// never reaches a group message, and no log line carries it either. Every command in the
// registry is tried under each of its names, bare and with its usage example, with the
// personal data appended, in the group and in private; the bot's group messages and the
// log (a pino logger writing to memory, at trace level) are scanned after each.
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { list } from '../../commands/list.js'
import { Engine } from '../../src/engine/engine.js'
import { Sender, DEFAULT_PACE } from '../../src/engine/sender.js'
import { Runtime, VirtualClock } from '../../src/engine/runtime.js'
import { openDb } from '../../src/db/db.js'
import { members } from '../../src/db/schema.js'
import { RecordingTransport } from '../../src/replay.js'
import type { OutMessage, Transport } from '../../src/engine/sender.js'
import type { CommandSpec } from '../../src/engine/types.js'
import { z } from 'zod'
import { Driver, memoryLogger } from './driver.js'
import { findPii, PII_SAMPLES } from './privacy.js'

const ROOM = '烘焙同好群'
const OWNER = '阿May'
const START = Date.parse('2026-12-01T10:00:00+08:00')
const PHONE = PII_SAMPLES.phones[0]
const ADDRESS = PII_SAMPLES.addresses[1]
const PII = `我的电话${PHONE} 地址${ADDRESS}`

const phonesOnly = (text: string) =>
  findPii(text).filter((hit) => /\d{4}/.test(hit) && !/[栋幢座单元室号路街]/.test(hit))

/** The command as typed: the first example of its usage under `alias`, or the bare alias. */
function example(spec: CommandSpec<any>, alias: string): string {
  const ex = spec.usage.split(' · ')[0].replace(/⏎/g, '\n').replace(/…$/, '')
  const args = ex.replace(/^\S+\s*/, '')
  return args === '' ? alias : `${alias} ${args}`
}

/** Fails every fifth send once (the sender retries it), so the log has send failures to scan. */
class FlakyTransport implements Transport {
  private calls = 0
  constructor(private readonly inner: Transport) {}
  async send(m: OutMessage, at: number): Promise<void> {
    if (++this.calls % 5 === 0) throw new Error(`puppet: send to ${m.room ?? m.toName} timed out`)
    await this.inner.send(m, at)
  }
}

// BUG: these commands post what a member typed into the group; phone numbers are masked on
// the way out (enqueue -> maskPhones) but addresses are not masked anywhere. Each entry is
// its own minimal reproduction (messages from a fresh start, 20 s apart).
const ADDRESS_ECHO: Record<string, { bug: string; steps: [string, string][] }> = {
  want: {
    bug: '/want posts the member text, address included, in the group',
    steps: [['Tom', '/want 发酵黄油 目标价 45 需 30 份 送到幸福小区3栋2单元501室']],
  },
  poll: {
    bug: '/poll posts the member text, address included, in the group',
    steps: [['Tom', '/poll 下周想团什么？\n1. 蓝莓 幸福小区3栋2单元501室\n2. 草莓\n截止: 明天 20:00']],
  },
  reviews: {
    bug: '/reviews posts what members wrote with /rate, address included, in the group',
    steps: [
      [OWNER, '/launch 蓝莓\n价格: 10\n截止: 3小时后'],
      ['Tom', '+1'],
      [OWNER, '截单'],
      [OWNER, '到货'],
      ['Tom', '已取货'],
      ['Tom', '/rate 5 很甜 送到幸福小区3栋2单元501室'],
      ['Lily', '/reviews'],
    ],
  },
}

type Case = { command: string; who: 'anyone' | 'organizer'; from: string; room: string | null; text: string }

const specs = list()
const joinForms = ['+1', '我要2份', '/join 1', '接龙 1', '+2 大果'].map((j) => `${j} ${PII}`)
const cases: Case[] = [
  ...joinForms.map((text) => ({ command: 'join', who: 'anyone' as const, from: 'Tom', room: ROOM, text })),
  ...specs.flatMap((spec) =>
    spec.aliases.flatMap((alias) =>
      [`${alias} ${PII}`, `${example(spec, alias)} ${PII}`].flatMap((text) => {
        // members use what is theirs; the owner uses the organizer's commands (only phone numbers are
        // checked there: an organizer may well post a pickup address on purpose)
        const from = spec.who === 'organizer' ? OWNER : 'Tom'
        const rooms = spec.where === 'group' ? [ROOM] : spec.where === 'private' ? [null] : [ROOM, null]
        return rooms.map((room) => ({ command: spec.name, who: spec.who, from, room, text }))
      }),
    ),
  ),
]

describe('personal data typed into the chat', () => {
  let d: Driver
  let logs: string[]

  beforeAll(async () => {
    const mem = memoryLogger('trace')
    logs = mem.lines
    d = new Driver({ start: START, log: mem.log, wrap: (t) => new FlakyTransport(t) })
    await d.group(ROOM, OWNER, [OWNER, 'Lily', 'Tom', 'Ann'])
    await d.say(ROOM, OWNER, '/launch 云南蓝莓\n价格: 59\n限量: 40\n截止: 3天后\n- 大果 20份\n- 小果')
    await d.say(ROOM, 'Lily', '+1 大果')
    await d.say(ROOM, 'Tom', '+2 小果')
    await d.wait(60_000)
  })

  afterAll(() => d?.close())

  /** Group messages sent in answer to one message: the hits of `find` in them. */
  async function leaksOf(c: Case, find: (text: string) => string[]): Promise<{ hit: string; text: string }[]> {
    const from = d.out.length
    await d.say(c.room, c.from, c.text)
    await d.wait(25_000)
    const group = d.out
      .slice(from)
      .filter((o) => o.room !== undefined)
      .map((o) => o.text)
    return group.flatMap((text) => find(text).map((hit) => ({ hit, text })))
  }

  it.each(cases)('$command from $from in $room: "$text"', async (c) => {
    expect(await leaksOf(c, c.who === 'organizer' ? phonesOnly : findPii)).toEqual([])
  })

  for (const { bug, steps } of Object.values(ADDRESS_ECHO)) {
    it(`fixed: ${bug}`, async () => {
      const fresh = new Driver({ start: START })
      try {
        await fresh.group(ROOM, OWNER, [OWNER, 'Lily', 'Tom'])
        for (const [from, text] of steps) {
          await fresh.say(ROOM, from, text)
          await fresh.wait(20_000)
        }
        expect(fresh.out.filter((o) => o.room !== undefined).flatMap((o) => findPii(o.text))).toEqual([])
      } finally {
        fresh.close()
      }
    })
  }

  it('the log never holds them either', () => {
    expect(
      logs.some((l) => l.includes('send failed')),
      'the log has lines to scan',
    ).toBe(true)
    expect(logs.flatMap((l) => findPii(l))).toEqual([])
  })
})

describe('a fault while handling a message with personal data', () => {
  // A handler whose insert of the member's text fails (a constraint here; SQLITE_FULL or a
  // bug in real life): the engine logs the error object, which must not carry the text.
  const failing: CommandSpec<{ note: string }> = {
    name: 'failing',
    aliases: ['/failing'],
    who: 'anyone',
    where: 'group',
    summary: 'test only',
    usage: '/failing x',
    args: z.object({ note: z.string() }),
    parse: (rest) => ({ note: rest }),
    async run(ctx, { note }) {
      ctx.db.insert(members).values({ groupId: 999_999, name: note }).run()
      return []
    },
  }

  async function faultLogs(): Promise<{ logs: string[]; replies: string[] }> {
    const mem = memoryLogger('trace')
    const db = openDb(':memory:')
    const transport = new RecordingTransport()
    const engine = new Engine(db, [...list(), failing], { log: mem.log })
    const runtime = new Runtime(engine, new Sender(db, transport, mem.log, DEFAULT_PACE))
    const clock = new VirtualClock(START)
    await engine.declareGroup(ROOM, OWNER, [OWNER, 'Tom'], START)
    await engine.handle({ id: 'f1', at: START, room: ROOM, from: 'Tom', text: `/failing ${PII}` })
    await runtime.advanceTo(clock, START + 30_000)
    db.$client.close()
    return { logs: mem.lines, replies: transport.lines.map((l) => l.text) }
  }

  it('is logged and answered with a short apology, no detail in the group', async () => {
    const { logs, replies } = await faultLogs()
    expect(logs.some((l) => JSON.parse(l).level >= 50)).toBe(true)
    expect(replies.length).toBeGreaterThan(0)
    expect(replies.flatMap((r) => findPii(r))).toEqual([])
    expect(replies.join('\n')).not.toMatch(/FOREIGN KEY|SqliteError|at .+:\d+:\d+/)
  })

  it('the log line for the fault holds no phone number or address', async () => {
    const { logs } = await faultLogs()
    expect(logs.flatMap((l) => findPii(l))).toEqual([])
  })
})
