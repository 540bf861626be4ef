// Joining a sale: totals, additions, limits, the waitlist, variants and which sale.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { at, digests, group, lastBoard, run, say, summary, tally, type In, type OutLine } from '../harness.js'

const SALE = '/launch 蓝莓\n价格: 59\n截止: 今晚8点'
const start = (launch = SALE): In[] => [group(at('10:00')), say(at('10:00'), '阿May', launch)]
/** `lines` spaced a minute apart from 10:01, then a look at the board. */
const spaced = (...texts: [string, string][]): In[] => [
  ...texts.map(([from, text], i) => say(at(`10:${String(i + 1).padStart(2, '0')}`), from, text)),
  say(at('11:00'), 'Bob', '进度'),
]

describe("join forms state the member's total", () => {
  it.each([
    ['+2', 2],
    ['＋２', 2],
    ['/join 2', 2],
    ['接龙 2', 2],
    ['我要2份', 2],
    ['要两盒', 2],
    ['2份', 2],
    ['+1', 1],
    ['/join', 1],
    ['我要三份', 3],
    ['+十', 10],
    ['+1 3号楼', 1],
    ['+2 谢谢团长', 2],
    ['\u200b+\u202e2\u202c', 2],
  ])('「%s」 registers %i', async (text, n) => {
    const { out } = await run([...start(), ...spaced(['Lily', text])])
    expect(digests(out)[0].text).toBe(`【团1 蓝莓】已接 ${n} 份 · 剩 9小时58分钟\n✅ 已登记：Lily ${n} 份`)
    expect(tally(out)).toEqual({ sold: n, stock: null, waiting: 0, buyers: 1 })
  })

  it.each(['-1', '−2', '－1', '+0', '+1000', '3号楼见', '今天2点到', '有人要吗？'])(
    '「%s」 is not a join and gets no reply',
    async (text) => {
      const { out } = await run([...start(), ...spaced(['Lily', text])])
      expect(out).toHaveLength(2) // the launch and the board
      expect(tally(out)).toEqual({ sold: 0, stock: null, waiting: 0, buyers: 0 })
    },
  )

  it('+2 after +1 means 2, not 3', async () => {
    const { out } = await run([...start(), ...spaced(['Lily', '+1'], ['Lily', '+2'])])
    expect(tally(out)).toMatchObject({ sold: 2 })
  })

  it('a lower total lowers the order', async () => {
    const { out } = await run([...start(), ...spaced(['Lily', '+3'], ['Lily', '+1'])])
    expect(tally(out)).toMatchObject({ sold: 1 })
    expect(digests(out)[1].text).toContain('✅ 已登记：Lily 1 份')
  })

  it('a repeated +1 changes nothing and the group hears nothing more', async () => {
    const { out } = await run([
      ...start(),
      say(at('10:01'), 'Lily', '+1'),
      say(at('10:05'), 'Lily', '+1'),
      say(at('10:06'), 'Lily', '＋１'),
      say(at('11:00'), 'Bob', '进度'),
    ])
    expect(digests(out)).toHaveLength(1)
    expect(out).toHaveLength(3)
    expect(tally(out)).toMatchObject({ sold: 1 })
  })

  it('加1份, 再来2份 and 再加1 add on top of the total', async () => {
    const { out } = await run([
      ...start(),
      ...spaced(['Lily', '+1'], ['Lily', '加1份'], ['Lily', '再来2份'], ['Lily', '再加1']),
    ])
    expect(digests(out).map((d) => d.text.split('\n')[1])).toEqual([
      '✅ 已登记：Lily 1 份',
      '✅ 已登记：Lily 2 份',
      '✅ 已登记：Lily 4 份',
      '✅ 已登记：Lily 5 份',
    ])
    expect(tally(out)).toMatchObject({ sold: 5 })
  })

  it('取消 and /quit cancel the order; 我的 and /my show it', async () => {
    const { out } = await run([
      ...start(),
      ...spaced(
        ['Lily', '+2'],
        ['Lily', '我的'],
        ['Tom', '+1'],
        ['Tom', '/my'],
        ['Lily', '取消'],
        ['Tom', '/quit'],
        ['Tom', '我的'],
      ),
    ])
    const replies = out.filter((o) => !o.text.startsWith('【') && !o.text.startsWith('🛒')).map((o) => o.text)
    expect(replies).toEqual([
      'Lily 的登记：\n团1 蓝莓：2 份，¥118（进行中）',
      'Tom 的登记：\n团1 蓝莓：1 份，¥59（进行中）',
      '你目前没有登记任何团。',
      expect.stringMatching(/^📋 团1 蓝莓（进行中）/),
    ])
    expect(tally(out)).toMatchObject({ sold: 0, buyers: 0 })
    expect(digests(out).map((d) => d.text.split('\n')[1])).toContain('已取消：Lily')
  })

  it("/my in a private chat lists the member's orders with the group", async () => {
    const { out } = await run([
      ...start(),
      say(at('10:01'), 'Lily', '+2'),
      { at: at('10:02'), from: 'Lily', text: '/my' },
    ])
    expect(out.at(-1)).toEqual({
      at: '2026-12-01T10:02:00.000+08:00',
      to: 'Lily',
      text: 'Lily 的登记：\n[烘焙同好群] 团1 蓝莓：2 份，¥118（进行中）',
      mentions: [],
    })
  })
})

describe('limit (限购)', () => {
  const LIMITED = '/launch 蓝莓\n价格: 59\n限购: 3\n截止: 今晚8点'

  it('a join above the limit is capped and the member is told, with an @', async () => {
    const { out } = await run([...start(LIMITED), ...spaced(['Tom', '+5'])])
    expect(digests(out)[0]).toMatchObject({
      text: '【团1 蓝莓】已接 3 份 · 剩 9小时58分钟\n⚠️ @Tom 每人限购 3 份，已按 3 份登记',
      mentions: ['Tom'],
    })
    expect(tally(out)).toMatchObject({ sold: 3 })
  })

  it('an addition past the limit is capped too', async () => {
    const { out } = await run([...start(LIMITED), ...spaced(['Tom', '+2'], ['Tom', '再加2份'])])
    expect(digests(out)[1].text).toContain('⚠️ @Tom 每人限购 3 份，已按 3 份登记')
    expect(tally(out)).toMatchObject({ sold: 3 })
  })
})

describe('waitlist (候补)', () => {
  const THREE = '/launch 蓝莓\n价格: 59\n限量: 3\n截止: 今晚8点'

  it('when stock runs out the member gets what remains and waits for the rest', async () => {
    const { out } = await run([...start(THREE), ...spaced(['Lily', '+2'], ['Tom', '+2'], ['Ann', '+1'])])
    expect(out.map((o) => o.text)).toContain('🔥 团1 蓝莓 已售罄！继续接龙将进入候补，有人取消会按顺序转正。')
    expect(digests(out)[1]).toMatchObject({
      text: '【团1 蓝莓】已接 3/3 份 · 候补 1 份 · 剩 9小时57分钟\n⏳ @Tom 库存不足，确认 1 份，候补 1 份（有人取消会按顺序转正）',
      mentions: ['Tom'],
    })
    expect(digests(out)[2].text).toContain('⏳ @Ann 已售罄，候补 1 份')
    expect(tally(out)).toEqual({ sold: 3, stock: 3, waiting: 2, buyers: 2 })
  })

  it('freed units go to the waitlist unit by unit, in arrival order', async () => {
    const { out } = await run([
      ...start(THREE),
      ...spaced(
        ['Lily', '+3'],
        ['Tom', '+2'],
        ['Ann', '+1'],
        ['Lily', '+2'], // 1 unit frees: Tom (first in line) gets 1 and keeps waiting for 1
        ['Lily', '取消'], // 2 units free: Tom's last one, then Ann's
      ),
      say(at('11:01'), '阿May', '截单'),
    ])
    const ds = digests(out)
    expect(ds[3]).toMatchObject({
      text: expect.stringContaining('🎉 @Tom 候补转正 1 份，还候补 1 份'),
      mentions: ['Tom'],
    })
    expect(ds[4].text).toContain('🎉 @Tom 候补转正 1 份\n🎉 @Ann 候补转正 1 份')
    expect(ds[4].mentions).toEqual(['Tom', 'Ann'])
    expect(summary(out.at(-1)!.text)).toEqual({
      head: '✅ 团1 蓝莓 已截单，成团！共 3 份，2 人，合计 ¥177。请按下面的金额付款：',
      bills: ['@Tom：2 份 × ¥59，应付 ¥118', '@Ann：1 份 × ¥59，应付 ¥59'],
    })
  })

  it('a newcomer queues behind those already waiting', async () => {
    const { out } = await run([
      ...start(THREE),
      ...spaced(['Lily', '+3'], ['Tom', '+1'], ['Ann', '+1'], ['Lily', '+2']),
    ])
    expect(digests(out)[3].text).toContain('🎉 @Tom 候补转正 1 份')
    expect(digests(out)[3].text).not.toContain('Ann')
    expect(tally(out)).toEqual({ sold: 3, stock: 3, waiting: 1, buyers: 2 })
  })

  it('stock is never exceeded and no unit stays free while someone waits, whatever the order', async () => {
    const who = ['Lily', 'Tom', 'Ann', 'Bob']
    const say1 = fc.tuple(fc.constantFrom(...who), fc.constantFrom('+1', '+2', '+3', '加1份', '取消', '+1 ', '再加2'))
    await fc.assert(
      fc.asyncProperty(fc.array(say1, { minLength: 1, maxLength: 12 }), async (msgs) => {
        const lines = msgs.map(([from, text], i) => say(at(`10:${String(i + 1).padStart(2, '0')}`), from, text))
        const { out } = await run([
          ...start('/launch 蓝莓\n价格: 10\n限量: 4\n限购: 3\n截止: 今晚8点'),
          ...lines,
          say(at('11:00'), 'Bob', '进度'),
        ])
        const { sold, stock, waiting } = tally(out)
        expect(stock).toBe(4)
        expect(sold).toBeLessThanOrEqual(4)
        if (waiting > 0) expect(sold).toBe(4)
      }),
      { numRuns: 40 },
    )
  }, 60_000)

  it("with variants, neither a variant's stock nor the sale's is ever exceeded", async () => {
    const who = ['Lily', 'Tom', 'Ann']
    const say1 = fc.tuple(
      fc.constantFrom(...who),
      fc.constantFrom('+1 大果', '+2 大果', '+2 小果', '+3 小果', '加1份 大果', '取消', '+1 小果'),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(say1, { minLength: 1, maxLength: 10 }), async (msgs) => {
        const lines = msgs.map(([from, text], i) => say(at(`10:${String(i + 1).padStart(2, '0')}`), from, text))
        const { out } = await run([
          ...start('/launch 蓝莓\n价格: 10\n限量: 4\n截止: 今晚8点\n- 大果 2份\n- 小果'),
          ...lines,
          say(at('11:00'), 'Bob', '进度'),
        ])
        const board = lastBoard(out)
        const item = (name: string) => {
          const m = new RegExp(`${name}：已接 (\\d+)[^，\\n]*(?:，候补 (\\d+) 份)?`).exec(board)!
          return { sold: Number(m[1]), waiting: Number(m[2] ?? 0) }
        }
        const big = item('大果'),
          small = item('小果')
        const total = Number(/合计 (\d+)\/4 份/.exec(board)![1])
        expect(big.sold).toBeLessThanOrEqual(2)
        expect(total).toBe(big.sold + small.sold)
        expect(total).toBeLessThanOrEqual(4)
        // nobody waits while a unit they could have is free
        if (big.waiting > 0) expect(big.sold === 2 || total === 4).toBe(true)
        if (small.waiting > 0) expect(total).toBe(4)
      }),
      { numRuns: 30 },
    )
  }, 60_000)
})

describe('variants (规格)', () => {
  const VARIANTS = '/launch 蓝莓\n价格: 59\n限量: 4\n截止: 今晚8点\n- 大果 69元 2份\n- 超大果'

  it('the variant is named anywhere in the message', async () => {
    const { out } = await run([
      ...start(VARIANTS),
      ...spaced(['Lily', '+1 大果'], ['Tom', '超大果 2份'], ['Ann', '我要一份 大果']),
    ])
    expect(lastBoard(out)).toContain('大果：已接 2/2 份\n超大果：已接 2 份\n合计 4/4 份，3 人')
    expect(digests(out).map((d) => d.text.split('\n')[1])).toEqual([
      '✅ 已登记：Lily 1 份 大果',
      '✅ 已登记：Tom 2 份 超大果',
      '✅ 已登记：Ann 1 份 大果',
    ])
  })

  it('a join naming no variant gets one question, however often it is repeated', async () => {
    const { out } = await run([
      ...start(VARIANTS),
      say(at('10:01'), 'Lily', '+1'),
      say(at('10:01:01'), 'Lily', '+2'),
      say(at('11:00'), 'Bob', '进度'),
    ])
    expect(digests(out)).toEqual([
      {
        at: '2026-12-01T10:01:03.000+08:00',
        room: '烘焙同好群',
        mentions: ['Lily'],
        text: '📣 汇总\n❓ @Lily 团1 有多个规格：大果 / 超大果，请说明要哪个，例如「+1 大果」',
      },
    ])
    expect(lastBoard(out)).toContain('合计 0/4 份，0 人')
  })

  it("a variant's own stock runs out while the others still sell", async () => {
    const { out } = await run([
      ...start(VARIANTS),
      ...spaced(['Lily', '+2 大果'], ['Tom', '+1 大果'], ['Ann', '+1 超大果']),
    ])
    expect(digests(out)[1].text).toContain('⏳ @Tom 已售罄，候补 1 份')
    expect(lastBoard(out)).toContain('大果：已接 2/2 份，候补 1 份\n超大果：已接 1 份\n合计 3/4 份，2 人')
  })
})

describe('which sale, with several open', () => {
  const two: In[] = [
    ...start('/launch 云南蓝莓\n价格: 59\n截止: 今晚8点\n- 大果\n- 小果'),
    say(at('10:00:30'), '阿May', '开团 咖啡豆\n价格: 30\n截止: 今晚8点'),
  ]
  /** 团1's variant lines and 团2's tally */
  const boards = (out: OutLine[]) => [
    lastBoard(out).split('\n\n')[0].split('\n').slice(1, 4).join('|'),
    tally(out, 1).sold,
  ]
  const NONE = '大果：已接 0 份|小果：已接 0 份|合计 0 份，0 人'

  it.each([['#2 +1'], ['团2 +1'], ['+1 咖啡豆'], ['+1 #2']])('「%s」 joins 团2', async (text) => {
    const { out } = await run([...two, ...spaced(['Lily', text])])
    expect(boards(out)).toEqual([NONE, 1])
  })

  it.each([['+1 大果'], ['#1 +1 大果'], ['蓝莓 大果 1份']])('「%s」 joins 团1', async (text) => {
    const { out } = await run([...two, ...spaced(['Lily', text])])
    expect(boards(out)).toEqual(['大果：已接 1 份|小果：已接 0 份|合计 1 份，1 人', 0])
  })

  it('a join that could be either sale gets one question back, never a guess', async () => {
    const { out } = await run([...two, ...spaced(['Lily', '+1'])])
    expect(digests(out)[0]).toMatchObject({
      text: '📣 汇总\n❓ @Lily 现在有多个团在进行：团1 云南蓝莓、团2 咖啡豆，请加上团号，例如「#1 +1」',
      mentions: ['Lily'],
    })
    expect(boards(out)).toEqual([NONE, 0])
  })

  it('a number that is no sale is answered', async () => {
    const { out } = await run([...two, ...spaced(['Lily', '#3 +1'])])
    expect(digests(out)[0].text).toBe('📣 汇总\n❓ @Lily 没有找到团3。')
  })

  it('取消 #2 cancels only in 团2', async () => {
    const { out } = await run([...two, ...spaced(['Lily', '#1 +1 大果'], ['Lily', '#2 +1'], ['Lily', '取消 #2'])])
    expect(boards(out)).toEqual(['大果：已接 1 份|小果：已接 0 份|合计 1 份，1 人', 0])
  })
})
