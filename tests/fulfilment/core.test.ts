// The pure rules of the after-sale: tiers, ladders, quotes, supply plans, delivery words, tracking lines, stats.
import { describe, expect, it } from 'vitest'
import { itemPriceAt, ladderCost, nextTier, parseLadder, parseTiers, priceAt } from '../../src/core/tiers.js'
import { parseQuote, planSupply } from '../../src/core/supply.js'
import { deliveryIn, matchPoint, parsePoints, parseShipLines, parseShipping } from '../../src/core/delivery.js'
import { parseLaunch } from '../../src/core/launch.js'
import { groupStats, saleStats } from '../../src/core/stats.js'

const NOW = Date.parse('2026-12-01T10:00:00+08:00')
const POINTS = ['东门快递柜', '3号楼大堂']

describe('price tiers', () => {
  it.each([
    [
      '20份 59, 40份 55, 60份 52',
      [
        { from: 20, fen: 5900 },
        { from: 40, fen: 5500 },
        { from: 60, fen: 5200 },
      ],
    ],
    [
      '20份59元，40份55元；60份 52.5',
      [
        { from: 20, fen: 5900 },
        { from: 40, fen: 5500 },
        { from: 60, fen: 5250 },
      ],
    ],
    ['满２０份 ¥59', [{ from: 20, fen: 5900 }]],
  ])('%s', (text, tiers) => expect(parseTiers(text, 6500)).toEqual(tiers))

  it.each(['10份9折', '20份 59, 10份 55', '20份 59, 40份 60', '20份 59, 40份 59', '20份', '', '0份 50'])(
    'refuses %s',
    (text) => {
      expect(parseTiers(text, 6500)).toBeNull()
    },
  )

  it('refuses a tier not below the sale price', () => expect(parseTiers('20份 59', 5900)).toBeNull())

  it('the price at a total, the next step, a variant reduced by the same amount', () => {
    const tiers = parseTiers('20份 59, 40份 55, 60份 52', 6500)!
    expect([0, 19, 20, 39, 40, 60, 200].map((u) => priceAt(tiers, 6500, u))).toEqual([
      6500, 6500, 5900, 5900, 5500, 5200, 5200,
    ])
    expect(nextTier(tiers, 35)).toEqual({ tier: { from: 40, fen: 5500 }, left: 5 })
    expect(nextTier(tiers, 60)).toBeNull()
    expect(itemPriceAt(7500, 6500, 5200)).toBe(6200)
  })

  it('a supplier ladder may repeat a price and costs its first step below it', () => {
    const ladder = parseLadder('30份起45 60份起42 100份起42', false)!
    expect([1, 30, 59, 60, 500].map((q) => ladderCost(ladder, q))).toEqual([4500, 4500, 4500, 4200, 4200])
  })
})

describe('launch keys for tiers, pickup, shipping, supplier and payment', () => {
  const base = '蓝莓\n价格: 65\n截止: 2026-12-04 20:00\n'
  it('parses 阶梯 / 自提 / 快递 / 供应 / 付款时限', () => {
    const r = parseLaunch(
      `${base}阶梯: 20份 59, 40份 55\n自提: 东门快递柜; 3号楼大堂\n快递: 包邮\n供应: 滇果鲜\n付款时限: 24小时`,
      NOW,
    )
    expect(r.ok && r.spec).toMatchObject({
      tiers: [
        { from: 20, fen: 5900 },
        { from: 40, fen: 5500 },
      ],
      pickupPoints: POINTS,
      shippingFeeFen: 0,
      supplier: '滇果鲜',
      payGraceMs: 24 * 3600_000,
    })
  })
  it('a spec without them has none of the new fields', () => {
    const r = parseLaunch(base, NOW)
    expect(r.ok && Object.keys(r.spec)).not.toContain('tiers')
  })
  it.each(['阶梯: 20份 70', '快递: 到付', '付款时限: 很久', '自提: ;'])('badLine: %s', (line) => {
    expect(parseLaunch(base + line, NOW)).toEqual({ ok: false, error: { code: 'badLine', line } })
  })
  it('快递 fees', () =>
    expect(['包邮', '8元', '运费 8', '12.5', '免运费'].map(parseShipping)).toEqual([0, 800, 800, 1250, 0]))
  it('points must be distinct', () => expect(parsePoints('东门; 东门')).toBeNull())
})

describe('quotes and the supply plan', () => {
  it('parses a quote with a ladder, a role and glued values', () => {
    expect(parseQuote('滇果鲜 云南蓝莓 起订30 交期 3天 价格 30份起45 60份起42 产能 200 备选')).toEqual({
      ok: true,
      quote: {
        supplier: '滇果鲜',
        item: '云南蓝莓',
        minOrder: 30,
        leadDays: 3,
        capacity: 200,
        ladder: [
          { from: 30, fen: 4500 },
          { from: 60, fen: 4200 },
        ],
        role: 'backup',
      },
    })
    expect(parseQuote('滇果鲜 云南蓝莓 价格 45 交期 48小时')).toMatchObject({
      ok: true,
      quote: { ladder: [{ from: 1, fen: 4500 }], leadDays: 2 },
    })
    expect(parseQuote('滇果鲜 云南蓝莓 起订 很多')).toEqual({ ok: false, part: '起订 很多' })
    expect(parseQuote('滇果鲜')).toEqual({ ok: false, part: '滇果鲜' })
  })

  const q = (supplier: string, minOrder: number | null, capacity: number | null, fen: number) => ({
    supplier,
    minOrder,
    capacity,
    leadDays: 3,
    ladder: [{ from: 1, fen }],
  })
  it('the primary takes up to capacity, backups the rest in order, the shortfall is named', () => {
    expect(planSupply(250, q('A', 30, 200, 4500), [q('B', 10, 30, 4000), q('C', null, 10, 4100)])).toEqual({
      lines: [
        { supplier: 'A', qty: 200, unitFen: 4500, costFen: 900000, leadDays: 3, belowMin: null },
        { supplier: 'B', qty: 30, unitFen: 4000, costFen: 120000, leadDays: 3, belowMin: null },
        { supplier: 'C', qty: 10, unitFen: 4100, costFen: 41000, leadDays: 3, belowMin: null },
      ],
      short: 10,
      alternative: null,
    })
  })
  it('below the primary minimum, a backup that could take it all is suggested', () => {
    const plan = planSupply(20, q('A', 30, 200, 4500), [q('B', 10, 100, 4600)])
    expect(plan.lines[0]).toMatchObject({ supplier: 'A', qty: 20, belowMin: 30 })
    expect(plan.alternative).toBe('B')
  })
})

describe('delivery words', () => {
  it.each<[string, ReturnType<typeof deliveryIn>]>([
    ['自提东门', { kind: 'pickup', point: '东门快递柜' }],
    ['自提 3号楼', { kind: 'pickup', point: '3号楼大堂' }],
    ['大果 自提东门', { kind: 'pickup', point: '东门快递柜' }],
    ['东门快递柜', { kind: 'pickup', point: '东门快递柜' }],
    ['快递', { kind: 'ship' }],
    ['寄快递', { kind: 'ship' }],
    ['自提西门', { kind: 'unknownPoint', word: '西门' }],
    ['大果', null],
    ['', null],
  ])('%s', (rest, expected) => expect(deliveryIn(rest, POINTS, true)).toEqual(expected))

  it('shipping not offered, or no pickup points', () => {
    expect(deliveryIn('快递', POINTS, false)).toEqual({ kind: 'noShipping' })
    expect(deliveryIn('自提', [], true)).toEqual({ kind: 'noPickup' })
    expect(deliveryIn('自提', ['东门'], true)).toEqual({ kind: 'pickup', point: '东门' })
  })

  it('matchPoint: exact, contained, ambiguous', () => {
    expect(matchPoint(POINTS, '大堂')).toEqual({ ok: true, point: '3号楼大堂' })
    expect(matchPoint(['东门快递柜', '东门大堂'], '东门')).toEqual({ ok: false, ambiguous: true })
  })
})

describe('tracking lines', () => {
  it('reads names, carriers and numbers in chat or CSV form', () => {
    expect(
      parseShipLines('Lily SF1234567890\n小 雨 圆通 YT9876543210\nname,tracking\nTom,JD0012345678901,京东\n乱写'),
    ).toEqual({
      lines: [
        { name: 'Lily', carrier: '顺丰', tracking: 'SF1234567890' },
        { name: '小 雨', carrier: '圆通', tracking: 'YT9876543210' },
        { name: 'Tom', carrier: '京东', tracking: 'JD0012345678901' },
      ],
      bad: ['乱写'],
    })
  })
})

describe('stats', () => {
  it('sale figures', () => {
    const o = (
      memberId: number,
      units: number,
      paid: 'yes' | 'no',
      delivery: string | null,
      state: 'pending' | 'delivered',
      refundFen = 0,
    ) => ({ memberId, lines: 1, units, goodsFen: units * 5200, refundFen, paid, delivery, state })
    const s = saleStats(
      [
        o(1, 3, 'yes', 'pickup:东门', 'delivered'),
        o(2, 2, 'no', 'ship', 'pending', 2000),
        o(3, 1, 'yes', 'pickup:东门', 'pending'),
      ],
      [5, 4],
      [{ openedAt: 0, resolvedAt: 7_200_000 }],
    )
    expect(s).toMatchObject({
      orders: 3,
      members: 3,
      units: 6,
      gmvFen: 31200,
      refundFen: 2000,
      netFen: 29200,
      paid: [2, 3],
      picked: [1, 2],
      rating: { avg: 4.5, count: 2 },
      tickets: 1,
      resolveMs: 7_200_000,
    })
  })
  it('group figures: success rate, repeat buyers, intent conversion, GMV by month', () => {
    const g = groupStats(
      [
        { state: 'succeeded', month: '2026-11', gmvFen: 1000, refundFen: 0, buyers: [1, 2] },
        { state: 'succeeded', month: '2026-12', gmvFen: 3000, refundFen: 500, buyers: [2, 3] },
        { state: 'failed', month: '2026-12', gmvFen: 0, refundFen: 0, buyers: [] },
        { state: 'open', month: null, gmvFen: 0, refundFen: 0, buyers: [] },
      ],
      [
        { launched: true, committers: [1, 2, 4], buyers: [1, 2, 3] },
        { launched: false, committers: [5], buyers: [] },
      ],
    )
    expect(g).toEqual({
      sales: 4,
      closed: 3,
      succeeded: 2,
      successRate: 2 / 3,
      buyers: 3,
      repeat: 1,
      intents: 2,
      intentsLaunched: 1,
      committed: 3,
      converted: 2,
      months: [
        { month: '2026-11', sales: 1, gmvFen: 1000, refundFen: 0 },
        { month: '2026-12', sales: 1, gmvFen: 3000, refundFen: 500 },
      ],
    })
  })
})
