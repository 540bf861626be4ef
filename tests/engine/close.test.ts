// Ending a sale: close, the deadline, 成团, abort, extend, countdowns, and nothing after the end.
import { describe, expect, it } from 'vitest'
import { at, group, lastBoard, run, say, summary, tally, texts, type In, type OutLine } from '../harness.js'

const sale = (terms = '', deadline = '今晚8点'): In[] => [
  group(at('10:00')),
  say(at('10:00'), '阿May', `/launch 蓝莓\n价格: 59.5\n截止: ${deadline}${terms}`),
]
const closing = (out: OutLine[]) => out.filter((o) => /已截单|已被团长撤团/.test(o.text) && !o.text.startsWith('【'))
const countdowns = (out: OutLine[]) => out.filter((o) => o.text.startsWith('⏰'))

describe('close', () => {
  it.each(['截单', '/close'])('「%s」 closes now: who pays what, each @mentioned', async (cmd) => {
    const { out } = await run([
      ...sale('\n成团: 3'),
      say(at('10:01'), 'Lily', '+2'),
      say(at('10:01:10'), 'Tom', '+1'),
      say(at('10:02'), '阿May', cmd),
    ])
    expect(closing(out)).toMatchObject([
      { at: '2026-12-01T10:02:00.000+08:00', room: '烘焙同好群', mentions: ['Lily', 'Tom'] },
    ])
    expect(summary(closing(out)[0].text)).toEqual({
      head: '✅ 团1 蓝莓 已截单，成团！共 3 份，2 人，合计 ¥178.50。请按下面的金额付款：',
      bills: ['@Lily：2 份 × ¥59.50，应付 ¥119', '@Tom：1 份 × ¥59.50，应付 ¥59.50'],
    })
  })

  it('the sale closes by itself at the deadline, once', async () => {
    const { out } = await run([...sale(), say(at('10:01'), 'Lily', '+1'), { at: '2026-12-02T10:00:00+08:00' }])
    expect(closing(out)).toMatchObject([
      { at: '2026-12-01T20:00:00.000+08:00', room: '烘焙同好群', mentions: ['Lily'] },
    ])
    expect(summary(closing(out)[0].text)).toEqual({
      head: '✅ 团1 蓝莓 已截单，成团！共 1 份，1 人，合计 ¥59.50。请按下面的金额付款：',
      bills: ['@Lily：1 份 × ¥59.50，应付 ¥59.50'],
    })
    expect(closing(out)[0].text).not.toContain('离线')
  })

  it('成团 by units not reached: the sale fails, everyone in it (waiting too) owes nothing', async () => {
    const { out } = await run([
      ...sale('\n限量: 3\n成团: 5'),
      say(at('10:01'), 'Lily', '+2'),
      say(at('10:02'), 'Tom', '+2'),
      { at: at('20:00') },
    ])
    expect(closing(out)).toEqual([
      {
        at: '2026-12-01T20:00:00.000+08:00',
        room: '烘焙同好群',
        mentions: ['Lily', 'Tom'],
        text: '❌ 团1 蓝莓 已截单，未成团（只接了 3 份，需要 5 份），本团取消，大家无需付款。\n@Lily @Tom',
      },
    ])
  })

  it('members still waiting at the close are named as owing nothing, and no digest follows the summary', async () => {
    const { out } = await run([
      ...sale('\n限量: 1'),
      say(at('10:01'), 'Lily', '+1'),
      say(at('10:01:04'), 'Tom', '+1'),
      say(at('10:01:05'), '阿May', '截单'),
    ])
    const [close] = closing(out)
    expect(summary(close.text).bills).toEqual(['@Lily：1 份 × ¥59.50，应付 ¥59.50'])
    expect(close.text).toContain('候补未转正的 1 人无需付款：Tom')
    expect(close.mentions).toEqual(['Lily'])
    expect(out.at(-1)).toBe(close) // Tom's pending "waitlisted" notice is not sent after the sale ended
  })

  it('成团 by members counts people, not units', async () => {
    const joins = [say(at('10:01'), 'Lily', '+3'), say(at('10:02'), 'Tom', '+3')]
    const failed = await run([...sale('\n成团: 3人'), ...joins, { at: at('20:00') }])
    expect(closing(failed.out)[0].text).toBe(
      '❌ 团1 蓝莓 已截单，未成团（只有 2 人，需要 3 人），本团取消，大家无需付款。\n@Lily @Tom',
    )
    const ok = await run([...sale('\n成团: 3人'), ...joins, say(at('10:03'), 'Ann', '+1'), { at: at('20:00') }])
    expect(closing(ok.out)[0].text).toMatch(/^✅ 团1 蓝莓 已截单，成团！共 7 份，3 人，合计 ¥416.50。/)
    expect(closing(ok.out)[0].mentions).toEqual(['Lily', 'Tom', 'Ann'])
  })

  it('the summary totals each member across variants', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 59\n截止: 今晚8点\n- 大果 69元\n- 小果'),
      say(at('10:01'), 'Lily', '+2 大果'),
      say(at('10:02'), 'Lily', '+1 小果'),
      say(at('10:03'), '阿May', '截单'),
    ])
    expect(summary(closing(out)[0].text)).toEqual({
      head: '✅ 团1 蓝莓 已截单，成团！共 3 份，1 人，合计 ¥197。请按下面的金额付款：',
      bills: ['@Lily：大果 2 份 × ¥69 + 小果 1 份 × ¥59，应付 ¥197'],
    })
  })

  it('a member cannot close', async () => {
    const { out } = await run([...sale(), say(at('10:01'), 'Lily', '截单'), say(at('10:02'), 'Lily', '进度')])
    expect(texts(out).slice(1)).toEqual([
      '📣 汇总\n🚫 @Lily 「/close」只有群主或管理员可以用',
      expect.stringContaining('（进行中）'),
    ])
  })
})

describe('abort', () => {
  it.each(['撤团', '/abort'])('「%s」 cancels the sale and tells everyone in it they owe nothing', async (cmd) => {
    const { out } = await run([
      ...sale('\n限量: 1'),
      say(at('10:01'), 'Lily', '+1'),
      say(at('10:02'), 'Tom', '+1'),
      say(at('10:03'), '阿May', cmd),
      say(at('10:04'), 'Ann', '进度 #1'),
    ])
    expect(closing(out)).toEqual([
      {
        at: '2026-12-01T10:03:00.000+08:00',
        room: '烘焙同好群',
        mentions: ['Lily', 'Tom'],
        text: '🚫 团1 蓝莓 已被团长撤团，本团取消，大家无需付款。\n@Lily @Tom',
      },
    ])
    expect(lastBoard(out)).toMatch(/^📋 团1 蓝莓（已撤团）/)
  })

  it('a member cannot abort', async () => {
    const { out } = await run([...sale(), say(at('10:01'), 'Lily', '撤团'), say(at('10:02'), 'Lily', '进度')])
    expect(texts(out).slice(1)).toEqual([
      '📣 汇总\n🚫 @Lily 「/abort」只有群主或管理员可以用',
      expect.stringContaining('（进行中）'),
    ])
  })
})

describe('countdowns', () => {
  it('T-1h and T-10min, once each, and nothing after the deadline', async () => {
    const { out } = await run([
      ...sale('\n成团: 3'),
      say(at('10:01'), 'Lily', '+2'),
      { at: at('19:00') },
      { at: at('19:30') },
      { at: at('19:50') },
      { at: at('19:55') },
      { at: '2026-12-02T20:00:00+08:00' },
    ])
    expect(countdowns(out)).toEqual([
      {
        at: '2026-12-01T19:00:00.000+08:00',
        room: '烘焙同好群',
        mentions: [],
        text: '⏰ 团1 蓝莓 还有 1小时 截单！已接 2 份，成团还差 1 份\n接龙请回复「+1」，改数量直接发新的总数，「取消」退出，「进度」看进度',
      },
      {
        at: '2026-12-01T19:50:00.000+08:00',
        room: '烘焙同好群',
        mentions: [],
        text: '⏰ 团1 蓝莓 还有 10分钟 截单！已接 2 份，成团还差 1 份\n接龙请回复「+1」，改数量直接发新的总数，「取消」退出，「进度」看进度',
      },
    ])
    expect(out.at(-1)!.at).toBe('2026-12-01T20:00:00.000+08:00')
  })

  it('a countdown whose time had already passed at launch is not sent', async () => {
    const { out } = await run([...sale('', '30分钟后'), { at: at('11:00') }])
    expect(countdowns(out).map((o) => [o.at, o.text.split('！')[0]])).toEqual([
      ['2026-12-01T10:20:00.000+08:00', '⏰ 团1 蓝莓 还有 10分钟 截单'],
    ])
    const short = await run([...sale('', '5分钟后'), { at: at('11:00') }])
    expect(countdowns(short.out)).toEqual([])
  })

  it('are configurable per group', async () => {
    const { out } = await run([
      group(at('09:00')),
      say(at('09:00'), '阿May', '/set 提醒 30'),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 5\n截止: 今晚8点'),
      { at: at('21:00') },
    ])
    expect(countdowns(out).map((o) => [o.at, o.text.split('！')[0]])).toEqual([
      ['2026-12-01T19:30:00.000+08:00', '⏰ 团1 蓝莓 还有 30分钟 截单'],
    ])
  })
})

describe('extend', () => {
  it.each(['/extend 2h', '延长 2小时', '延长 2 小时', '/extend 今晚10点'])(
    '「%s」 moves the deadline, the close and the countdowns',
    async (cmd) => {
      const { out } = await run([
        ...sale(),
        say(at('10:01'), 'Lily', '+1'),
        { at: at('19:00') },
        say(at('19:30'), '阿May', cmd),
        { at: at('23:00') },
      ])
      expect(out.find((o) => o.text.startsWith('⏳'))).toMatchObject({
        at: '2026-12-01T19:30:00.000+08:00',
        text: '⏳ 团1 蓝莓 截止时间延长到 12月1日 22:00',
      })
      expect(countdowns(out).map((o) => o.at)).toEqual([
        '2026-12-01T19:00:00.000+08:00',
        '2026-12-01T21:00:00.000+08:00',
        '2026-12-01T21:50:00.000+08:00',
      ])
      expect(closing(out).map((o) => o.at)).toEqual(['2026-12-01T22:00:00.000+08:00'])
    },
  )

  it('after the last countdown went out, the countdowns of the new deadline still come', async () => {
    const { out } = await run([
      ...sale(),
      { at: at('19:50') },
      say(at('19:55'), '阿May', '延长 30分钟'),
      { at: at('23:00') },
    ])
    expect(countdowns(out).map((o) => [o.at, o.text.split('！')[0]])).toEqual([
      ['2026-12-01T19:00:00.000+08:00', '⏰ 团1 蓝莓 还有 1小时 截单'],
      ['2026-12-01T19:50:00.000+08:00', '⏰ 团1 蓝莓 还有 10分钟 截单'],
      ['2026-12-01T20:20:00.000+08:00', '⏰ 团1 蓝莓 还有 10分钟 截单'],
    ])
    expect(closing(out).map((o) => o.at)).toEqual(['2026-12-01T20:30:00.000+08:00'])
  })

  it('a member cannot extend; an unreadable span is answered with an example', async () => {
    const { out } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', '延长 2小时'),
      say(at('10:02'), '阿May', '延长 一会儿'),
      { at: at('20:01') },
    ])
    expect(texts(out).slice(1, 3)).toEqual([
      '📣 汇总\n🚫 @Lily 「/extend」只有群主或管理员可以用',
      '延长多久？例如「/extend 2h」或「延长 30分钟」',
    ])
    expect(closing(out).map((o) => o.at)).toEqual(['2026-12-01T20:00:00.000+08:00'])
  })
})

describe('after the close', () => {
  it('no change is accepted, and the tally stays as it was', async () => {
    const { out } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', '+2'),
      say(at('10:02'), '阿May', '截单'),
      say(at('10:03'), 'Lily', '+5'),
      say(at('10:03:30'), 'Tom', '#1 +1'),
      say(at('10:04'), 'Lily', '取消'),
      say(at('10:05'), '阿May', '延长 #1 2小时'),
      say(at('10:06'), '阿May', '截单 #1'),
      say(at('10:07'), 'Ann', '进度 #1'),
    ])
    const after = out.filter((o) => o.at > '2026-12-01T10:02:00.000+08:00').map((o) => o.text)
    expect(after).toEqual([
      '📣 汇总\n❓ @Tom 团1 已结束，不能再改动。',
      '📣 汇总\n🚫 @Lily 你在进行中的团里没有登记，无需取消',
      '团1 已结束，不能再改动。',
      '团1 已结束，不能再改动。',
      expect.stringMatching(/^📋 团1 蓝莓（已成团）\n[^]*已于 12月1日 20:00 截止$/),
    ])
    expect(tally(out)).toEqual({ sold: 2, stock: null, waiting: 0, buyers: 1 })
    expect(closing(out)).toHaveLength(1)
  })
})

describe('with several open sales, organizer commands need a number', () => {
  it('and the question shows a form that works', async () => {
    const { out } = await run([
      ...sale(),
      say(at('10:00:30'), '阿May', '开团 桃\n价格: 5\n截止: 今晚9点'),
      say(at('10:01'), '阿May', '截单'),
      say(at('10:02'), '阿May', '截单 #2'),
    ])
    expect(out[2].text).toBe('现在有多个团在进行：团1 蓝莓、团2 桃，请加上团号，例如「截单 #1」')
    expect(closing(out)[0].text).toMatch(/^团2 桃 已截单/)
  })
})
