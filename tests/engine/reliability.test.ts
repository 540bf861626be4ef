// Reliability: duplicate deliveries, restarts, malformed input, faults, organizers, the bot's own account.
import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { replay } from '../../src/replay.js'
import {
  at,
  group,
  lastBoard,
  run,
  runReplay,
  runThenStop,
  say,
  summary,
  tally,
  texts,
  tmpDb,
  type OutLine,
} from '../harness.js'

const SALE = '/launch 蓝莓\n价格: 10\n截止: 今晚8点\n成团: 3'
/** the first glyph of a text: 🛒 launch, 【 digest, ⏰ countdown, 📋 board, ✅ closed */
const mark = (o: OutLine) => String.fromCodePoint(o.text.codePointAt(0)!)
const closes = (out: OutLine[]) => out.filter((o) => o.text.includes('已截单'))

describe('the same message delivered twice counts once', () => {
  it('in one run', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', SALE),
      say(at('10:01'), 'Lily', '加1份', { id: 'm1' }),
      say(at('10:01:05'), 'Lily', '加1份', { id: 'm1' }),
      say(at('10:02'), '阿May', '开团 桃\n价格: 5\n截止: 今晚9点', { id: 'm2' }),
      say(at('10:02:30'), '阿May', '开团 桃\n价格: 5\n截止: 今晚9点', { id: 'm2' }),
      say(at('10:03'), 'Tom', '进度'),
    ])
    expect(tally(out)).toMatchObject({ sold: 1, buyers: 1 })
    expect(out.filter((o) => o.text.startsWith('🛒'))).toHaveLength(2)
    expect(lastBoard(out).split('\n\n')).toHaveLength(2)
  })
})

describe('restart', () => {
  const before = [
    group(at('10:00')),
    say(at('10:00'), '阿May', SALE, { id: 'a1' }),
    say(at('10:01'), 'Lily', '+2', { id: 'a2' }),
    say(at('19:30'), 'Tom', '+1', { id: 'a3' }), // its ack is still waiting for the digest
    say(at('19:30:01'), 'Ann', '进度', { id: 'a4' }), // its answer is still in the outbox
  ]

  it('after the deadline: queued messages go out once, the overdue close happens once, stale countdowns are skipped', async () => {
    const db = tmpDb()
    const first = await runThenStop(before, { dbFile: db, crash: true })
    expect(first.map(mark)).toEqual(['🛒', '【', '⏰']) // launch, Lily's ack, T-1h
    const { out } = await run(
      [{ at: at('20:30') }, say(at('20:30:05'), 'Tom', '+1', { id: 'a3' }), { at: at('22:00') }],
      db,
    )
    // the close goes first; the board queued before the crash would show the sale open, so it is dropped
    expect(out.map((o) => [o.at, o.text.split('\n')[0]])).toEqual([
      ['2026-12-01T20:30:00.000+08:00', '✅ 团1 蓝莓 已截单，成团！共 3 份，2 人，合计 ¥30。请按下面的金额付款：'],
    ])
    expect(summary(out[0].text).bills).toEqual(['@Lily：2 份 × ¥10，应付 ¥20', '@Tom：1 份 × ¥10，应付 ¥10'])
    expect(out[0].text).toContain('（机器人离线期间到了截止时间，现补发结果）')
    // a third start sends nothing again
    const again = await run([{ at: at('22:30') }, say(at('22:30:01'), 'Tom', '进度 #1')], db)
    expect(again.out.map((o) => o.text.split('\n')[0])).toEqual(['📋 团1 蓝莓（已成团）'])
  })

  it('before the deadline: a countdown missed while down is not sent late, the close comes on time', async () => {
    const db = tmpDb()
    await runThenStop(before, { dbFile: db, crash: true })
    const { out } = await run([{ at: at('19:55') }, { at: at('21:00') }], db)
    expect(out.map((o) => [o.at.slice(11, 19), mark(o)])).toEqual([
      ['19:55:00', '📋'],
      [expect.stringMatching(/^19:55:0/), '【'],
      ['20:00:00', '✅'],
    ])
    expect(out[1].text).toContain('✅ 已登记：Tom 1 份')
    expect(closes(out)[0].text).not.toContain('离线')
  })

  it('after a clean stop nothing is sent twice', async () => {
    const db = tmpDb()
    const first = await run([...before, say(at('19:40'), 'Bob', '+1', { id: 'a5' })], db)
    expect(first.out.length).toBeGreaterThan(3)
    const { out } = await run([{ at: at('19:45') }, say(at('19:45'), 'Bob', '+1', { id: 'a5' })], db)
    expect(out).toEqual([])
  })
})

describe('a change that fails is never reported', () => {
  it('nothing of a join that could not commit is announced', async () => {
    const db = tmpDb()
    await run([group(at('10:00')), say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 10\n限量: 1\n截止: 今晚8点')], db)
    const broken = new Database(db)
    broken.exec('DROP TABLE notices') // the join writes the order, then fails to queue its ack
    broken.close()
    const { out } = await run([say(at('10:01'), 'Lily', '+1'), say(at('10:02'), 'Tom', '进度')], db)
    expect(out.map((o) => o.text.split('\n')[0])).toEqual([
      '抱歉，处理这条消息时出错了，请稍后再试。',
      '📋 团1 蓝莓（进行中）',
    ]) // no 已售罄
    expect(tally(out)).toMatchObject({ sold: 0, stock: 1, buyers: 0 })
  }, 30_000)
})

describe('ids that change at every re-login', () => {
  // Who a member is goes by contact id: a new id under a known name is someone else (an
  // impostor looks exactly like this). Carrying members over a re-login is the re-attachment
  // step's work, on the platform's word that it logged in again, never a name alone.
  it('a new contact id under a known name is another member: the first one’s order is untouched', async () => {
    const db = tmpDb()
    const members = [
      { name: '阿May', id: 'wx-0' },
      { name: 'Lily', id: 'wx-1' },
    ]
    const first = await runReplay(
      [
        { ...group(at('10:00')), members, ownerId: 'wx-0' },
        say(at('10:00'), '阿May', SALE, { fromId: 'wx-0' }),
        say(at('10:01'), 'Lily', '+1', { fromId: 'wx-1' }),
      ],
      db,
    )
    first.app.close()
    const { out, app } = await runReplay(
      [say(at('11:00'), 'Lily', '加1份', { fromId: 'wx-9' }), say(at('11:01'), 'Lily', '进度', { fromId: 'wx-1' })],
      db,
    )
    app.close()
    expect(tally(out)).toMatchObject({ sold: 2, buyers: 2 })
  })
})

describe('malformed input', () => {
  const junk = [
    '',
    '   ',
    '\u0000\u0001',
    '\ud800',
    '🙂🙂🙂',
    '+',
    '++1',
    '+-1',
    '+1.5',
    '+1e3',
    '+0x10',
    '#',
    '#0 +1',
    '团 +1',
    '/',
    '/launch',
    '/join -3',
    '/extend',
    '/admin',
    '/set 提醒 -5',
    '取消 #99999999999',
    'x'.repeat(5000),
    '+1'.repeat(3000),
  ]

  const second = (i: number) => `2026-12-01T10:01:${String(i).padStart(2, '0')}+08:00`

  it('never crashes nor apologises, and orders nothing', async () => {
    const { out, errors } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', SALE),
      ...junk.map((t, i) => say(second(i), 'Tom', t)),
      say(at('10:30'), 'Lily', '+1'),
      say(at('10:31'), 'Lily', '进度'),
    ])
    expect(errors).toEqual([])
    expect(texts(out).join('\n')).not.toMatch(/抱歉|Error|at \w+ \(|undefined|NaN|\[object/)
    expect(tally(out)).toMatchObject({ sold: 1, buyers: 1 })
  })

  it('chatter gets silence', async () => {
    const chatter = [
      '今天天气真好',
      '取消了吗',
      '进度怎么样',
      '2点见',
      '有人要吗？',
      '团长辛苦了',
      '我要疯了',
      '3号楼楼下见',
      '我的天',
      '帮助一下新人',
      '@阿May 截单了吗',
    ]
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', SALE),
      ...chatter.map((t, i) => say(second(i), 'Tom', t)),
    ])
    expect(out.map(mark)).toEqual(['🛒'])
  })

  it('bad replay lines are reported with their number and skipped; the run goes on', async () => {
    const { app } = await run([])
    const errors: string[] = []
    await replay(
      app,
      [
        JSON.stringify(group(at('10:00'))),
        '{not json',
        JSON.stringify({ at: at('10:01'), room: '烘焙同好群', text: '+1' }),
        JSON.stringify({ at: 'yesterday', room: '烘焙同好群', from: 'Lily', text: '+1' }),
        JSON.stringify(say(at('10:02'), '阿May', SALE)),
      ],
      (e) => errors.push(e),
    )
    expect(errors.map((e) => e.split(':')[0])).toEqual(['line 2', 'line 3', 'line 4'])
  })

  it('a fault is answered with one short Chinese apology, and failing scheduled work does not stall the bot', async () => {
    const db = tmpDb()
    // stopped with Lily's ack waiting for its digest
    await runThenStop([group(at('10:00')), say(at('10:00'), '阿May', SALE), say(at('10:01'), 'Lily', '+1')], {
      dbFile: db,
      crash: true,
    })
    const broken = new Database(db)
    broken.exec('DROP TABLE waitlist') // every read of the sale's book now fails: the digest, the join, the board
    broken.close()
    const { out } = await run(
      [say(at('10:02'), 'Tom', '+1'), say(at('10:03'), 'Tom', '/help'), say(at('10:04'), 'Tom', '进度')],
      db,
    )
    expect(out.map((o) => [o.at, o.text.split('\n')[0]])).toEqual([
      ['2026-12-01T10:02:00.000+08:00', '抱歉，处理这条消息时出错了，请稍后再试。'],
      ['2026-12-01T10:03:00.000+08:00', '闪团机器人命令（成员直接回复「+数量」接龙）：'],
      ['2026-12-01T10:04:00.000+08:00', '抱歉，处理这条消息时出错了，请稍后再试。'],
    ])
  }, 30_000)
})

describe('organizers', () => {
  it('the owner adds an admin with /admin, who may then launch and close; /unadmin takes it back', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', '/admin @Lily\u2005'),
      say(at('10:01'), 'Lily', SALE),
      say(at('10:02'), 'Tom', '+3'),
      say(at('10:03'), '阿May', '/unadmin @Lily'),
      say(at('10:04'), 'Lily', '截单'),
      say(at('10:05'), 'Lily', '撤团'),
      say(at('10:06'), 'Ann', '进度'),
    ])
    expect(texts(out).filter((t) => !t.startsWith('【'))).toEqual([
      '已设 Lily 为管理员，可以开团、截单、延长和撤团。',
      expect.stringMatching(/^🛒 团1 开团：蓝莓/),
      '已取消 Lily 的管理员。',
      '📣 汇总\n🚫 @Lily 「/close」只有群主或管理员可以用',
      '📣 汇总\n🚫 @Lily 「/abort」只有群主或管理员可以用',
      expect.stringMatching(/^📋 团1 蓝莓（进行中）/),
    ])
  })

  it('only the owner changes who the organizers are; names must be in the group', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), 'Tom', '/admin @Tom'),
      say(at('10:01'), '阿May', '/admin @Lily'),
      say(at('10:02'), 'Lily', '/admin @Tom'),
      say(at('10:03'), '阿May', '/admin @Nobody'),
      say(at('10:04'), 'Tom', SALE),
    ])
    expect(texts(out)).toEqual([
      '📣 汇总\n🚫 @Tom 「/admin」只有群主或管理员可以用',
      '已设 Lily 为管理员，可以开团、截单、延长和撤团。',
      '只有群主可以设置管理员。',
      '群里没有找到「Nobody」，请 @ 对方或写群昵称。',
      '📣 汇总\n🚫 @Tom 「/launch」只有群主或管理员可以用',
    ])
  })

  it("/admin takes the name from the platform's mention list when it gives one", async () => {
    const out = await runThenStop([
      group(at('10:00'), ['阿May', 'Lily Chen', 'Tom']),
      say(at('10:00'), '阿May', '/admin @莉莉', { mentions: ['Lily Chen'] }),
      say(at('10:01'), 'Lily Chen', SALE),
    ])
    expect(out.map((o) => o.text.split('\n')[0])).toEqual([
      '已设 Lily Chen 为管理员，可以开团、截单、延长和撤团。',
      '🛒 团1 开团：蓝莓',
    ])
  })

  it('a new owner declared for the group becomes an organizer, the old one no longer is', async () => {
    const { out } = await run([
      group(at('10:00')),
      group(at('10:01'), undefined, undefined, 'Ann'),
      say(at('10:02'), '阿May', SALE),
      say(at('10:03'), 'Ann', SALE),
    ])
    expect(texts(out)).toEqual([
      '📣 汇总\n🚫 @阿May 「/launch」只有群主或管理员可以用',
      expect.stringMatching(/^🛒 团1 开团/),
    ])
  })
})

describe("the bot's own account", () => {
  // the bot runs on an account that is in the group but is neither its owner nor an admin
  const me = (when: string, text: string) => ({ ...say(at(when), '小助手', text), self: true })

  it('obeys commands typed on the account from the phone', async () => {
    const out = await runThenStop([group(at('10:00')), me('10:00', SALE), say(at('10:01'), 'Tom', SALE)])
    expect(out.map((o) => o.text.split('\n')[0])).toEqual(['🛒 团1 开团：蓝莓', '📣 汇总'])
    expect(out[1].text).toContain('🚫 @Tom 「/launch」只有群主或管理员可以用')
  })

  it('ignores its own sent texts coming back', async () => {
    const out = await runThenStop([
      group(at('10:00')),
      me('10:00', SALE),
      say(at('10:01'), 'Lily', '+2'),
      { at: at('10:02') },
    ])
    const echoes = out.map((o, i) => me(`10:03:${String(i * 5).padStart(2, '0')}`, o.text))
    const next = await runThenStop([
      group(at('10:00')),
      me('10:00', SALE),
      say(at('10:01'), 'Lily', '+2'),
      ...echoes,
      me('10:05', '截单'),
    ])
    expect(next.map((o) => o.text.split('\n')[0])).toEqual([
      '🛒 团1 开团：蓝莓',
      '【团1 蓝莓】已接 2 份 · 剩 9小时58分钟',
      '❌ 团1 蓝莓 已截单，未成团（只接了 2 份，需要 3 份），本团取消，大家无需付款。',
    ])
  })
})
