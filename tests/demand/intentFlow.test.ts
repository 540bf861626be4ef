// An intent (意向) from proposal to a launched sale, as the group sees it.
import { describe, expect, it } from 'vitest'
import { at, group, run, say, texts, type In, type OutLine } from '../harness.js'
import { exportRows } from '../../src/export.js'
import { demandRows } from '../../src/exportDemand.js'

const WANT = '想要 发酵黄油 目标价 45 需 6 份'
const propose = (text = WANT): In[] => [
  group(at('10:00'), ['阿May', 'Lily', 'Tom', 'Ann', 'Bob', '小雨']),
  say(at('10:00:05'), 'Lily', text),
]
const all = (out: OutLine[]) => texts(out).join('\n\n')

describe('an intent reaching its threshold and becoming a sale', () => {
  it('commits, the proven alert once, /launch from, confirmations as joins', async () => {
    const { out, app } = await run([
      ...propose(),
      say(at('10:00:10'), '阿May', '/admin @小雨'),
      say(at('10:01'), 'Tom', '+2 无盐'),
      say(at('10:01:05'), 'Ann', '接龙 1'),
      say(at('10:01:10'), 'Ann', '#需求1 再加1份'), // add on top: 2
      say(at('10:02'), 'Bob', '我要2份 大块'),
      say(at('10:03'), 'Bob', '+1'), // lower, but the threshold stays proven: no second alert
      say(at('10:04'), 'Lily', '+3 无盐'),
      say(at('10:10'), 'Ann', '需求1'),
      say(at('11:00'), '阿May', '开团 需求1\n截止: 明天 20:00\n限量: 20'),
      say(at('11:01'), 'Tom', '+2'),
      say(at('11:02'), 'Ann', '+1'),
      say(at('11:03'), '小雨', '+1'),
      say(at('11:04'), 'Tom', '#需求1 +5'),
    ])
    expect(out[0].text).toBe(
      '💡 需求1：发酵黄油 · 目标价 ¥45/份 · 满 6 份就找供应商\n想要的请回复「#需求1 +数量」（只是意向，不用付款），「需求1」看需求包',
    )
    const proven = out.filter((o) => o.text.startsWith('🎯'))
    expect(proven).toEqual([
      {
        at: '2026-12-01T10:02:00.000+08:00',
        room: '烘焙同好群',
        mentions: ['阿May', '小雨'],
        text: '🎯 需求1 发酵黄油 意向已达 6 份（3 人，门槛 6 份），需求成立！\n@阿May @小雨 可以拿「需求1」的需求包找供应商，谈好后发「开团 需求1」加上价格、截止等行开团',
      },
    ])
    expect(all(out)).toContain('【需求1 发酵黄油】意向 4 份 · 2 人（门槛 6 份）\n💡 已登记意向：Ann 2 份')
    expect(texts(out).find((t) => t.startsWith('📦'))).toBe(
      [
        '📦 需求包 · 需求1 发酵黄油（征集中）',
        '意向总量：8 份，4 人',
        '目标价：¥45/份',
        '门槛 6 份：12月1日 10:02 已达成 ✅',
        '成员：Lily 3份（无盐）、Tom 2份（无盐）、Ann 2份、Bob 1份（大块）',
        '规格备注：无盐 ×2、大块 ×1',
        '首次登记 12月1日 10:01 · 最近登记 12月1日 10:04',
      ].join('\n'),
    )
    const launch = out.find((o) => o.text.startsWith('🛒'))!
    expect(launch).toMatchObject({ at: '2026-12-01T11:00:00.000+08:00', mentions: ['Tom', 'Ann', 'Bob', 'Lily'] })
    expect(launch.text).toBe(
      [
        '🛒 团1 开团：发酵黄油',
        '价格 ¥45/份',
        '限量 20 份',
        '截止 12月2日 20:00',
        '接龙请回复「+1」，改数量直接发新的总数，「取消」退出，「进度」看进度',
        '📣 需求1 的 4 位意向成员：@Tom(2份) @Ann(2份) @Bob(1份) @Lily(3份)',
        '意向不会自动变成订单，要的请回复「+数量」确认',
      ].join('\n'),
    )
    // after the launch, plain joins go to the sale; the launched intent takes no more
    for (const ack of ['✅ 已登记：Tom 2 份', '✅ 已登记：Ann 1 份', '✅ 已登记：小雨 1 份'])
      expect(all(out)).toContain(ack)
    expect(all(out)).toContain('🚫 @Tom 需求1 已开团，不能再登记。')
    // intent never turns into an order silently: Lily and Bob did not confirm
    const rows = exportRows(app.db, {})
    expect(rows.map((r) => [r.member, r.quantity, r.source])).toEqual([
      ['Tom', 2, 'intent'],
      ['Ann', 1, 'intent'],
      ['小雨', 1, 'join'],
    ])
    expect(demandRows(app.db, {})).toEqual([
      {
        room: '烘焙同好群',
        demand_no: 1,
        demand: '发酵黄油',
        state: 'launched',
        members: 4,
        quantity: 8,
        target_price: '45.00',
        threshold: '6',
        notes: '无盐×2 大块×1',
        first_commit: '2026-12-01T10:01:00.000+08:00',
        last_commit: '2026-12-01T10:04:00.000+08:00',
        sale_no: '1',
      },
    ])
  })

  it('a join that could mean a sale or an intent gets one question; a title word or #需求 decides', async () => {
    const { out } = await run([
      ...propose(),
      say(at('10:01'), '阿May', '/launch 云南蓝莓\n价格: 59\n截止: 明天 20:00'),
      say(at('10:02'), 'Tom', '+1'),
      say(at('10:03'), 'Ann', '+1 黄油'),
      say(at('10:04'), 'Bob', '+2 蓝莓'),
      say(at('10:05'), 'Tom', '#需求1 +1'),
      say(at('10:06'), '小雨', '#1 +1'),
    ])
    const text = all(out)
    expect(text).toContain('❓ @Tom 你要登记的是哪一个：团1 云南蓝莓、需求1 发酵黄油？请带上编号，例如「#需求1 +1」')
    expect(text).toContain('💡 已登记意向：Ann 1 份')
    expect(text).toContain('✅ 已登记：Bob 2 份')
    expect(text).toContain('💡 已登记意向：Tom 1 份')
    expect(text).toContain('✅ 已登记：小雨 1 份')
  })

  it('想要 2份 is still a join; 想要 with a product proposes; chatter proposes nothing', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00:05'), '阿May', '/launch 云南蓝莓\n价格: 59\n截止: 明天 20:00'),
      say(at('10:01'), 'Tom', '想要2份'),
      say(at('10:02'), 'Ann', '想要 这个'),
      say(at('10:03'), 'Ann', '想要 黄油 需 10 份'),
    ])
    expect(texts(out).slice(1)).toEqual([
      '【团1 云南蓝莓】已接 2 份 · 剩 1天9小时\n✅ 已登记：Tom 2 份',
      '💡 需求1：黄油 · 满 10 份就找供应商\n想要的请回复「#需求1 +数量」（只是意向，不用付款），「需求1」看需求包',
    ])
  })

  it('取消 #需求1 withdraws; a bare 取消 does when the intent is all the member has', async () => {
    const { out } = await run([
      ...propose(),
      say(at('10:01'), 'Tom', '+2'),
      say(at('10:01:01'), 'Ann', '+1'),
      say(at('10:02'), 'Tom', '取消 #需求1'),
      say(at('10:02:01'), 'Ann', '取消'),
      say(at('10:03'), 'Bob', '取消 #需求1'),
      say(at('10:04'), 'Bob', '需求'),
    ])
    const text = all(out)
    expect(text).toContain('【需求1 发酵黄油】意向 0 份 · 0 人（门槛 6 份）\n已撤回意向：Tom、Ann')
    expect(text).toContain('🚫 @Bob 你在需求1 里没有登记。')
    expect(texts(out).at(-1)).toBe(
      '💡 征集中的需求（意向多的在前）：\n需求1 发酵黄油：0 份 · 0 人 · 目标价 ¥45 · 门槛 6 份\n想要的回复「#需求N +数量」，「需求N」看需求包',
    )
  })

  it('/demand lists open intents strongest first', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00:01'), 'Lily', '/want 黄油'),
      say(at('10:00:02'), 'Lily', '/want 抹茶粉 目标价 60'),
      say(at('10:01'), 'Tom', '#需求1 +1'),
      say(at('10:01:01'), 'Ann', '#需求2 +3'),
      say(at('10:02'), 'Bob', '/demand'),
    ])
    expect(texts(out).at(-1)).toBe(
      '💡 征集中的需求（意向多的在前）：\n需求2 抹茶粉：3 份 · 1 人 · 目标价 ¥60（Ann）\n需求1 黄油：1 份 · 1 人（Tom）\n想要的回复「#需求N +数量」，「需求N」看需求包',
    )
  })

  it('an intent with no commitment for intentDays days closes quietly; a commitment keeps it open', async () => {
    const { out, app } = await run([
      group(at('10:00')),
      say(at('10:00:01'), 'Lily', '/want 黄油'),
      say(at('10:00:02'), 'Lily', '/want 抹茶粉'),
      say(at('2026-12-10T10:00:00+08:00'), 'Tom', '#需求2 +1'),
      say(at('2026-12-15T10:00:30+08:00'), 'Bob', '需求'),
      say(at('2026-12-15T10:01:00+08:00'), 'Bob', '#需求1 +1'),
      say(at('2026-12-25T10:00:00+08:00'), 'Bob', '需求'),
    ])
    const sent = texts(out)
    expect(sent.filter((t) => /关闭|过期|expired/.test(t) && !t.includes('🚫'))).toEqual([])
    expect(sent).toContain(
      '💡 征集中的需求（意向多的在前）：\n需求2 抹茶粉：1 份 · 1 人（Tom）\n想要的回复「#需求N +数量」，「需求N」看需求包',
    )
    expect(sent.join('\n')).toContain('🚫 @Bob 需求1 已关闭，不能再登记。')
    expect(sent.at(-1)).toBe('群里现在没有征集中的需求。发「想要 商品名 目标价 45 需 30 份」发起一个。')
    expect(demandRows(app.db, {}).map((r) => r.state)).toEqual(['expired', 'expired'])
  })

  it('/launch from N: the target price fills in a missing 价格; a closed or unknown intent is refused', async () => {
    const { out } = await run([
      ...propose(),
      say(at('10:01'), 'Tom', '+2'),
      say(at('10:02'), '阿May', '/launch from 9\n截止: 明天 20:00'),
      say(at('10:03'), '阿May', '/launch from 1\n截止: 明天 20:00'),
      say(at('10:04'), '阿May', '/launch from 1\n截止: 明天 20:00'),
      say(at('10:05'), '阿May', '撤团'),
      say(at('10:06'), '阿May', '开团 需求1 总统发酵黄油 200g\n价格: 39\n截止: 明天 20:00'),
    ])
    const sent = texts(out)
    expect(sent).toContain('没有找到需求9。')
    expect(sent.find((t) => t.startsWith('🛒 团1'))).toMatch(/^🛒 团1 开团：发酵黄油\n价格 ¥45\/份\n/)
    expect(sent).toContain('需求1 已开团，不能再登记。')
    // the sale launched from the intent was aborted: the intent may be launched again, renamed
    expect(sent.find((t) => t.startsWith('🛒 团2'))).toMatch(
      /^🛒 团2 开团：总统发酵黄油 200g\n价格 ¥39\/份\n[\s\S]*@Tom\(2份\)/,
    )
  })

  it('a native 接龙 whose title names the intent commits intent, with notes and proxies', async () => {
    const { out, app } = await run([
      ...propose(),
      say(at('10:01'), 'Tom', '#接龙\n意向：发酵黄油 目标价45\n例 张三 2份 无盐\n\n1. Tom 2份 无盐\n2. 奶奶 1份'),
      say(
        at('10:02'),
        'Ann',
        '#接龙\n意向：发酵黄油 目标价45\n例 张三 2份 无盐\n\n1. Tom 2份 无盐\n2. 奶奶 1份\n3. Ann 3份',
      ),
      say(at('10:03'), 'Bob', '需求1'),
    ])
    expect(texts(out).join('\n')).toContain('代接龙：Tom 代 奶奶')
    expect(texts(out).at(-1)).toContain('成员：Ann 3份、Tom 2份（无盐）、奶奶 1份')
    expect(demandRows(app.db, {})[0]).toMatchObject({ members: 3, quantity: 6, state: 'open' })
    expect(out.filter((o) => o.text.startsWith('🎯'))).toHaveLength(1)
  })

  it('/chain for an intent gives the native format with its target price', async () => {
    const { out } = await run([...propose(), say(at('10:01'), 'Tom', '/chain')])
    expect(texts(out).at(-1)).toBe(
      '#接龙\n【需求1】发酵黄油 目标价¥45\n例 张三 2份 自提\n\n↑ 团长复制整段，在微信里发起「接龙」粘贴；大家点「参与接龙」照例子写，机器人会自动登记（改行、删行也会同步）',
    )
  })

  it('/set 需求 7 shortens the quiet expiry', async () => {
    const { out } = await run([
      group(at('10:00')),
      say(at('10:00:01'), '阿May', '/set 需求 7'),
      say(at('10:00:02'), 'Lily', '/want 黄油'),
      say(at('2026-12-08T10:01:00+08:00'), 'Bob', '需求'),
    ])
    expect(texts(out).at(-1)).toBe('群里现在没有征集中的需求。发「想要 商品名 目标价 45 需 30 份」发起一个。')
  })
})

describe('reviewed: 想要 with a quantity for a title', () => {
  it('「想要2份 目标价 40」 gets the usage, not an intent titled 2份', async () => {
    const { out, app } = await run([...propose('想要2份 目标价 40')])
    expect(all(out)).toContain('想要什么？例如：')
    expect(all(out)).not.toContain('需求1')
    expect(demandRows(app.db, {})).toEqual([])
  })
})
