// A lottery (抽签) sale: entries during the window, a draw anyone can reproduce from the seed.
import { describe, expect, it } from 'vitest'
import { at, group, run, say, texts, type In, type OutLine } from '../harness.js'
import { drawOrder, makeSeed } from '../../src/core/lottery.js'
import { exportRows } from '../../src/export.js'
import { sales } from '../../src/db/schema.js'

const MEMBERS = ['阿May', 'Lily', 'Tom', 'Ann', 'Bob', 'Cat', 'Dan', 'Eve']
const LAUNCH = '/launch 飞天茅台 53度\n价格: 1499\n限量: 4\n限购: 2\n截止: 今晚8点\n抽签: 10分钟'
const sale = (launch = LAUNCH): In[] => [group(at('10:00'), MEMBERS), say(at('10:00:05'), '阿May', launch)]
const draws = (out: OutLine[]) => out.filter((o) => o.text.startsWith('🎲 团1') && o.text.includes('抽签结果'))

describe('a lottery sale', () => {
  it('announces the seed at launch, takes entries (not orders) in the window, draws at its end', async () => {
    const { out, app } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', '+2'),
      say(at('10:01:01'), 'Tom', '+1'),
      say(at('10:01:02'), 'Ann', '我要2份'),
      say(at('10:01:03'), 'Bob', '+5'), // capped at the limit
      say(at('10:02'), 'Cat', '+1'),
      say(at('10:03'), 'Cat', '取消'), // withdraws the entry
      say(at('10:04'), 'Dan', '+1'),
      say(at('10:05'), 'Eve', '进度'),
      say(at('10:11'), 'Cat', '+1'), // after the draw: first come, first served
    ])
    const seed = makeSeed(['烘焙同好群', 1, 1, Date.parse(at('10:00:05'))])
    expect(out[0].text).toContain(
      `🎲 抽签：12月1日 10:10 前的接龙都算报名，不分先后；到时用种子 ${seed} 公开抽签，抽中的登记，其余按抽中顺序候补`,
    )
    const sent = texts(out).join('\n\n')
    expect(sent).toContain('⚠️ @Bob 每人限购 2 份，已按 2 份登记')
    expect(sent).toContain('已退出抽签：Cat')
    // nothing is an order before the draw
    expect(texts(out).find((t) => t.startsWith('📋'))).toContain('已接 0/4 份')

    // reproduce the draw from the seed alone
    const entries = [
      ['Lily', 2],
      ['Tom', 1],
      ['Ann', 2],
      ['Bob', 2],
      ['Dan', 1],
    ] as const
    const order = drawOrder(
      entries.map(([name, qty]) => ({ name, variant: '', qty })),
      seed,
    )
    const row = app.db.select().from(sales).get()!
    expect(row.lotterySeed).toBe(seed)
    const [draw] = draws(out)
    expect(draw.at).toMatch(/^2026-12-01T10:10:0/)
    expect(draw.text).toContain(`抽签顺序：${order.map((e, i) => `${i + 1}.${e.name}`).join(' ')}`)
    // stock 4 handed out in drawn order, the rest waits in drawn order
    let left = 4
    const expected = order.map((e) => {
      const got = Math.min(left, e.qty)
      left -= got
      return [e.name, got, e.qty - got]
    })
    const rows = exportRows(app.db, {})
    expect(rows.map((r) => [r.member, r.quantity, r.waitlist]).filter(([m]) => m !== 'Cat')).toEqual(
      expect.arrayContaining(expected.map(([m, q, w]) => [m, q, w])),
    )
    expect(rows.filter((r) => r.member !== 'Cat').every((r) => r.source === 'lottery')).toBe(true)
    expect(draw.mentions).toEqual(order.map((e) => e.name))
    expect(draw.text).toContain('🔥 已售罄，继续接龙将进入候补。')
    // Cat, after the draw, queues behind everyone drawn
    expect(rows.find((r) => r.member === 'Cat')).toMatchObject({ quantity: 0, waitlist: 1, source: 'join' })
  })

  it('the draw is exactly reproducible: same transcript, same result', async () => {
    const lines = [
      ...sale(),
      say(at('10:01'), 'Lily', '+1'),
      say(at('10:01:01'), 'Tom', '+2'),
      say(at('10:01:02'), 'Ann', '+2'),
      { at: at('10:20') },
    ]
    const a = draws((await run(lines)).out)
    const b = draws((await run(lines)).out)
    expect(a).toHaveLength(1)
    expect(a).toEqual(b)
  })

  it('a close during the window draws first; an abort drops the draw', async () => {
    const closed = await run([
      ...sale(),
      say(at('10:01'), 'Lily', '+1'),
      say(at('10:02'), '阿May', '截单'),
      { at: at('10:30') },
    ])
    const t = texts(closed.out)
    const drawAt = t.findIndex((x) => x.includes('抽签结果'))
    const closeAt = t.findIndex((x) => x.includes('已截单'))
    expect(drawAt).toBeGreaterThan(0)
    expect(closeAt).toBeGreaterThan(drawAt)
    expect(t[closeAt]).toContain('@Lily：1 份')
    expect(draws(closed.out)).toHaveLength(1)
    const aborted = await run([
      ...sale(),
      say(at('10:01'), 'Lily', '+1'),
      say(at('10:02'), '阿May', '撤团'),
      { at: at('10:30') },
    ])
    expect(draws(aborted.out)).toEqual([])
  })

  it('nobody entered: the window ends with one line, then first come first served', async () => {
    const { out } = await run([...sale(), { at: at('10:10:30') }, say(at('10:11'), 'Lily', '+1')])
    expect(texts(out)).toContain('🎲 团1 飞天茅台 53度 抽签时间到，没有人报名。现在起接龙先到先得。')
    expect(texts(out).at(-1)).toContain('✅ 已登记：Lily 1 份')
  })

  it('a 接龙 posted in the window enters its lines too', async () => {
    const { out, app } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', '#接龙\n飞天茅台 53度\n\n1. Lily 2份\n2. Tom'),
      { at: at('10:10:30') },
    ])
    expect(texts(out).join('\n')).toContain('🎟 已报名：Lily 2 份、Tom 1 份')
    expect(exportRows(app.db, {}).map((r) => [r.member, r.quantity, r.source])).toEqual(
      expect.arrayContaining([
        ['Lily', 2, 'lottery'],
        ['Tom', 1, 'lottery'],
      ]),
    )
  })

  it.each(['抽签: 10', '抽签: 30秒', '抽签: 2天'])('「%s」 is refused at launch', async (line) => {
    const { out } = await run(sale(`/launch 茅台\n价格: 1499\n截止: 今晚8点\n${line}`))
    expect(out[0].text).toContain(`开团失败：这一行看不懂「${line}」`)
  })

  it('a window that would end after the deadline is refused', async () => {
    const { out } = await run(sale('/launch 茅台\n价格: 1499\n截止: 30分钟后\n抽签: 1小时'))
    expect(out[0].text).toContain('开团失败：这一行看不懂「抽签: 1小时」')
  })
})
