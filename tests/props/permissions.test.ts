// The permission matrix: every organizer-only command (read from the registry, so a new
// command is covered the day it is added), under each of its names, bare and with
// arguments, sent by a plain member, by the organizer of another group, by an admin of
// another group, by a removed admin, and privately by a stranger: refused with a reply
// (in the group: in the next digest, @mentioning the sender) and nothing changes in the
// database apart from the engine's own bookkeeping.
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { list } from '../../commands/list.js'
import { t } from '../../src/i18n/zh-CN.js'
import type { CommandSpec } from '../../src/engine/types.js'
import type { OutLine } from '../../src/replay.js'
import { Bot } from '../support/bot.js'
import { expectNoPii, groupTexts } from './privacy.js'

const A = '烘焙同好群'
const B = '露营群'
const START = Date.parse('2026-12-01T10:00:00+08:00')
const LAUNCH = '/launch 云南蓝莓\n价格: 59\n限量: 40\n限购: 3\n截止: 3天后\n成团: 2'

const organizerOnly = list().filter((c) => c.who === 'organizer')

// Tables the engine writes as bookkeeping for any message it handles: seen ids, notices
// waiting for a digest, the outbox, and the digest timers on the group row.
const BOOKKEEPING = new Set(['inbound', 'notices', 'outbox', '__drizzle_migrations'])
const BOOKKEEPING_COLUMNS: Record<string, string[]> = { groups: ['digest_due_at', 'last_digest_at'] }

function snapshot(d: Bot): Record<string, unknown[]> {
  const sql = d.app.db.$client
  const tables = (
    sql
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((n) => !BOOKKEEPING.has(n))
  const snap: Record<string, unknown[]> = {}
  for (const name of tables) {
    snap[name] = (sql.prepare(`select * from "${name}" order by rowid`).all() as Record<string, unknown>[]).map(
      (row) => {
        const r = { ...row }
        for (const c of BOOKKEEPING_COLUMNS[name] ?? []) delete r[c]
        return r
      },
    )
  }
  return snap
}

/** The command as an organizer would type it: the first example of its usage, under `alias`. */
function withArgs(spec: CommandSpec<any>, alias: string): string {
  const example = spec.usage.split(' · ')[0].replace(/⏎/g, '\n')
  const args = example.replace(/^\S+\s*/, '')
  return args === '' ? alias : `${alias} ${args}`
}

type Case = { command: string; text: string; sender: string; room: string | null; who: string }

const SENDERS = [
  { sender: 'Tom', who: 'a member' },
  { sender: '老杨', who: 'the owner of another group' },
  { sender: 'Zed', who: 'an admin of another group' },
  { sender: 'Lily', who: 'a removed admin' },
]

const cases: Case[] = organizerOnly.flatMap((spec) =>
  spec.aliases.flatMap((alias) =>
    [alias, withArgs(spec, alias)].flatMap((text) => [
      ...SENDERS.map((s) => ({ command: spec.name, text, room: A, ...s })),
      { command: spec.name, text, sender: '路人甲', room: null, who: 'a stranger in a private chat' },
    ]),
  ),
)

describe('organizer-only commands from anyone else', () => {
  let d: Bot
  let before: Record<string, unknown[]>

  beforeAll(async () => {
    d = new Bot({ start: START })
    await d.group(A, { owner: '阿May', members: ['阿May', 'Lily', 'Tom', 'Ann', '老杨', 'Zed'] })
    await d.group(B, { owner: '老杨', members: ['老杨', 'Zed'] })
    await d.say(A, '阿May', LAUNCH)
    await d.say(B, '老杨', '/launch 帐篷\n价格: 199\n截止: 3天后')
    await d.say(B, '老杨', '/admin @Zed')
    await d.say(A, '阿May', '/admin @Lily')
    await d.say(A, 'Lily', '/extend 1h') // Lily is an organizer for now
    await d.say(A, '阿May', '/unadmin @Lily')
    await d.say(A, 'Tom', '+2')
    await d.say(A, 'Ann', '+1')
    await d.say(B, 'Zed', '+1')
    // everyone who speaks below has spoken before, so no first-message member row is created mid-test
    for (const s of SENDERS) await d.say(A, s.sender, '/my')
    await d.wait(60_000)
    before = snapshot(d)
  })

  afterAll(() => d.close())

  it('covers every organizer-only command in the registry', () => {
    expect(organizerOnly.map((c) => c.name).sort()).toEqual(
      expect.arrayContaining(['abort', 'admin', 'close', 'extend', 'launch', 'unadmin']),
    )
    expect(cases.length).toBeGreaterThanOrEqual(organizerOnly.length * 2 * 5)
  })

  it.each(cases)('$command: "$text" from $who ($sender) is refused and changes nothing', async (c) => {
    const from = d.out.length
    const at = d.now()
    const snap = snapshot(d)
    await d.say(c.room, c.sender, c.text)
    expect(snapshot(d), 'database after the message').toEqual(snap)
    await d.wait(25_000)
    const sent: OutLine[] = d.out.slice(from)
    const spec = organizerOnly.find((s) => s.name === c.command)!
    if (c.room !== null) {
      const reason = t('error.organizerOnly', { command: spec.aliases[0] })
      const next = sent.find((o) => o.room === c.room)
      expect(next, 'a reply in the group').toBeDefined()
      expect(next!.text).toContain(`@${c.sender} ${reason}`)
      expect(next!.mentions).toContain(c.sender)
      expect(Date.parse(next!.at) - at, 'the refusal goes out in the next digest').toBeLessThanOrEqual(20_000)
      expect(
        sent.filter((o) => o.room !== c.room && o.to !== c.sender),
        'nothing sent anywhere else',
      ).toEqual([])
    } else {
      // a contact in none of the bot's groups learns nothing from an organizer command, not
      // even that it exists (a member of some group is told it is for organizers: roles.test.ts)
      expect(sent, 'nothing sent at all').toEqual([])
    }
    expect(snapshot(d), 'database after the reply went out').toEqual(snap)
  })

  it('left the sales, orders and admins exactly as they were', () => {
    expect(snapshot(d)).toEqual(before)
    expectNoPii(groupTexts(d.out), 'permission matrix')
  })

  it('the snapshot does see a change: the owner can still extend, and the removed admin could before', async () => {
    const snap = snapshot(d)
    await d.say(A, '阿May', '/extend 2h')
    expect(snapshot(d).sales).not.toEqual(snap.sales)
    expect(d.out.some((o) => o.room === A && o.text.startsWith('⏳ 团1'))).toBe(true)
  })
})
