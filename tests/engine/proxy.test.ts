// 代接龙: an entry under another member's name waits for her 「确认」; a name outside the group
// counts at once, a few per member and sale.
import { describe, expect, it } from 'vitest'
import { at, digests, group, lastBoard, run, say, summary, texts, tmpDb, type In, type OutLine } from '../harness.js'
import { exportRows } from '../../src/export.js'

const sale = (terms = ''): In[] => [
  group(at('10:00')),
  say(at('10:00'), '阿May', `/launch 蓝莓\n价格: 59\n截止: 今晚8点${terms}`),
]
const CHAIN = (...lines: string[]) => `#接龙\n蓝莓 周六到\n\n${lines.map((l, i) => `${i + 1}. ${l}`).join('\n')}`
const closing = (out: OutLine[]) => out.find((o) => o.text.includes('已截单'))!
const rows = (app: Awaited<ReturnType<typeof run>>['app']) =>
  exportRows(app.db, {}).map((r) => [r.member, r.quantity, r.waitlist, r.source, r.entered_by])
const ASK = '🙋 @Ann 由 Lily 代接 2 份，回复「确认」生效'

describe('an entry for a member of the group', () => {
  it.each(['帮Ann接2份', '帮@Ann +2', '代Ann +2', '代ann +2'])(
    '「%s」 asks Ann in the next digest and counts once she confirms',
    async (text) => {
      const { out, app } = await run([
        ...sale(),
        say(at('10:01'), 'Lily', text),
        say(at('10:05'), 'Ann', '确认'),
        say(at('10:06'), '阿May', '截单'),
      ])
      expect(texts(out)).toContain(`【团1 蓝莓】已接 0 份 · 代接待确认 2 份 · 剩 9小时58分钟\n${ASK}`)
      expect(texts(out)).toContain('【团1 蓝莓】已接 2 份 · 剩 9小时54分钟\n✅ 已登记：Ann 2 份')
      expect(summary(closing(out).text).bills).toEqual(['@Ann：2 份 × ¥59，应付 ¥118'])
      expect(rows(app)).toEqual([['Ann', 2, 0, 'proxy', 'Lily']])
    },
  )

  it('a close while the question waits owes nothing for it', async () => {
    const { out, app } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', '帮Ann接2份'),
      say(at('10:02'), 'Tom', '+1'),
      say(at('10:03'), '阿May', '截单'),
      say(at('10:04'), 'Ann', '确认'),
    ])
    const close = closing(out)
    expect(summary(close.text)).toEqual({
      head: '✅ 团1 蓝莓 已截单，成团！共 1 份，1 人，合计 ¥59。请按下面的金额付款：',
      bills: ['@Tom：1 份 × ¥59，应付 ¥59'],
    })
    expect(close.mentions).toEqual(['Tom'])
    // her late 确认 changes nothing and gets no answer
    expect(out.at(-1)).toBe(close)
    expect(rows(app)).toEqual([['Tom', 1, 0, 'join', '']])
  })

  it('unanswered, the units are released 30 minutes after the asking digest was sent, and the enterer is told', async () => {
    const { out, app } = await run([
      ...sale('\n限量: 2'),
      say(at('10:01'), 'Lily', '帮Ann接2份'),
      // the held units are out of stock: Tom waits for them
      say(at('10:10'), 'Tom', '+2'),
      { at: at('10:31:02') },
      say(at('10:31:02'), 'Tom', '进度'),
      { at: at('10:40') },
      say(at('10:41'), 'Ann', '确认'),
      say(at('10:42'), 'Ann', '进度'),
    ])
    const asked = out.find((o) => o.text.includes(ASK))!
    expect(asked.at).toBe('2026-12-01T10:01:03.000+08:00')
    expect(texts(out)).toContain(
      '【团1 蓝莓】已接 0/2 份 · 代接待确认 2 份 · 候补 2 份 · 剩 9小时49分钟\n⏳ @Tom 已售罄，候补 2 份（有人取消会按顺序转正）',
    )
    // one second short of 30 minutes after the send: still held
    expect(out.find((o) => o.text.startsWith('📋') && o.at.startsWith('2026-12-01T10:31:02'))!.text).toContain(
      '已接 0/2 份（0 人），候补 2 份\n代接待确认 2 份（本人回复「确认」前先留着）',
    )
    const released = out.find((o) => o.text.includes('⌛'))!
    expect(released.at).toBe('2026-12-01T10:31:06.000+08:00')
    expect(released.text).toContain('⌛ @Lily 代 Ann 接的 2 份 30 分钟内未确认，已释放')
    expect(released.text).toContain('🎉 @Tom 候补转正 2 份')
    // a 确认 after the release is too late: nothing changes, nothing is said
    expect(lastBoard(out)).toContain('已接 2/2 份（1 人）')
    expect(rows(app)).toEqual([['Tom', 2, 0, 'join', '']])
  })

  it('the 30 minutes count from the send: an entry in quiet hours is asked at 08:00 and released at 08:30', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 59\n截止: 2026-12-03 20:00'),
      say(at('23:30'), 'Lily', '帮Ann接2份'),
      { at: '2026-12-02T09:00:00+08:00' },
    ])
    expect(out.find((o) => o.text.includes(ASK))!.at).toBe('2026-12-02T08:00:00.000+08:00')
    expect(out.find((o) => o.text.includes('⌛'))!.at).toBe('2026-12-02T08:30:03.000+08:00')
  })

  it('the release job survives a restart', async () => {
    const file = tmpDb()
    await run([...sale(), say(at('10:01'), 'Lily', '帮Ann接2份'), { at: at('10:05') }], file)
    const { out } = await run([{ at: at('10:20') }, say(at('10:20'), 'Tom', '进度'), { at: at('10:40') }], file)
    expect(out.find((o) => o.text.includes('⌛'))).toMatchObject({
      at: '2026-12-01T10:31:06.000+08:00',
      text: expect.stringContaining('⌛ @Lily 代 Ann 接的 2 份 30 分钟内未确认，已释放'),
    })
  })

  it('held units keep others out, so her confirmation never oversells', async () => {
    const { out } = await run([
      ...sale('\n限量: 3'),
      say(at('10:01'), 'Lily', '帮Ann+2'),
      say(at('10:02'), 'Tom', '+2'),
      say(at('10:03'), 'Ann', '确认'),
      say(at('10:04'), 'Ann', '进度'),
    ])
    expect(texts(out).join('\n')).toContain('⏳ @Tom 库存不足，确认 1 份，候补 1 份')
    expect(lastBoard(out)).toContain('已接 3/3 份（2 人）')
  })

  it("the sender can take back what she entered; it never touches Ann's own order", async () => {
    const { out, app } = await run([
      ...sale(),
      say(at('10:01'), 'Ann', '+1'),
      say(at('10:02'), 'Lily', '帮Ann+2'),
      say(at('10:03'), 'Lily', '帮Ann取消'),
      say(at('10:04'), 'Ann', '确认'),
      say(at('10:05'), 'Ann', '进度'),
    ])
    expect(lastBoard(out)).toContain('已接 1 份（1 人）')
    expect(rows(app)).toEqual([['Ann', 1, 0, 'join', '']])
  })

  it('during a lottery window it is refused, typed or in a 接龙; a name outside the group still enters', async () => {
    const { out } = await run([
      ...sale('\n限量: 4\n抽签: 10分钟'),
      say(at('10:01'), 'Lily', '帮Ann+1'),
      say(at('10:03'), 'Tom', CHAIN('Tom 1份', 'Ann 1份', '王姐 1份')),
    ])
    const text = texts(out).join('\n')
    expect(text).toContain('🚫 @Lily 抽签期间请 Ann 本人登记')
    expect(text).toContain('🚫 @Tom 抽签期间请 Ann 本人登记')
    expect(text).not.toContain('回复「确认」')
    expect(text).toMatch(/王姐/)
  })

  it('a 接龙 line under her name asks once, however often the list is re-posted', async () => {
    const { out, app } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', CHAIN('Lily 1份', 'Ann 2份')),
      say(at('10:02'), 'Tom', CHAIN('Lily 1份', 'Ann 2份', 'Tom 1份')),
      say(at('10:40'), 'Bob', CHAIN('Lily 1份', 'Ann 2份', 'Tom 1份', 'Bob 1份')),
      say(at('10:41'), 'Lily', CHAIN('Lily 1份', 'Ann 2份', 'Tom 1份', 'Bob 1份')),
      { at: at('11:00') },
    ])
    expect(texts(out).filter((x) => x.includes('@Ann 由 Lily 代接 2 份'))).toHaveLength(1)
    expect(texts(out).filter((x) => x.includes('⌛ @Lily 代 Ann 接的 2 份'))).toHaveLength(1)
    expect(rows(app)).toEqual([
      ['Lily', 1, 0, 'chain', ''],
      ['Tom', 1, 0, 'chain', ''],
      ['Bob', 1, 0, 'chain', ''],
    ])
  })
})

describe('names outside the group', () => {
  it('count at once, as entered by the sender', async () => {
    const { out, app } = await run([...sale(), say(at('10:01'), 'Lily', '帮王姐+1'), say(at('10:02'), '阿May', '截单')])
    expect(texts(out).join('\n')).not.toContain('回复「确认」')
    expect(summary(closing(out).text).bills).toEqual(['@王姐：1 份 × ¥59，应付 ¥59'])
    expect(rows(app)).toEqual([['王姐', 1, 0, 'proxy', 'Lily']])
  })

  it('a member may enter 5 of them per sale; the 6th is refused in the digest, until an organizer raises the limit', async () => {
    const six = ['王姐', '李叔', '张阿姨', '小周', '老陈', '刘奶奶']
    const { out, app } = await run([
      ...sale(),
      ...six.map((n, i) => say(at(`10:0${i + 1}`), 'Lily', `帮${n}+1`)),
      // the same names again are no new names
      say(at('10:08'), 'Lily', '帮王姐+2'),
      say(at('10:09'), '阿May', '/set 代接 6'),
      say(at('10:10'), 'Lily', '帮刘奶奶+1'),
    ])
    expect(texts(out)).toContain(
      '【团1 蓝莓】已接 5 份 · 剩 9小时53分钟\n🚫 @Lily 每团最多代接 5 位群外的人，刘奶奶 未登记（团长可用 /set 代接 N 调整）',
    )
    expect(rows(app).map((r) => [r[0], r[1]])).toEqual([
      ['王姐', 2],
      ['李叔', 1],
      ['张阿姨', 1],
      ['小周', 1],
      ['老陈', 1],
      ['刘奶奶', 1],
    ])
  })

  it('the limit holds for 接龙 lines too', async () => {
    const six = ['王姐 1份', '李叔 1份', '张阿姨 1份', '小周 1份', '老陈 1份', '刘奶奶 1份']
    const { out, app } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', CHAIN('Lily 1份', ...six)),
      say(at('10:02'), 'Tom', CHAIN('Lily 1份', ...six)),
    ])
    expect(
      texts(out)
        .join('\n')
        .match(/刘奶奶 未登记/g),
    ).toHaveLength(1)
    expect(exportRows(app.db, {})).toHaveLength(6)
  })
})

describe('确认 is chatter when nothing waits', () => {
  it('gets no answer', async () => {
    const { out } = await run([...sale(), say(at('10:01'), 'Ann', '确认'), say(at('10:02'), 'Ann', '确认一下地址')])
    expect(digests(out)).toEqual([])
    expect(out).toHaveLength(1)
  })
})
