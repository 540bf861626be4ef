// One sale from quote to ratings through the real engine on virtual time: every number checked.
import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../harness.js'
import type { OutLine } from '../../src/replay.js'
import { whole } from './scenario.js'

let out: OutLine[] = []
const toGroup = () => out.filter((o) => o.room === '烘焙同好群')
const to = (name: string) => out.filter((o) => o.to === name)
const at = (iso: string) => out.filter((o) => o.at.startsWith(iso))
const one = (list: OutLine[], needle: string) => {
  const hits = list.filter((o) => o.text.includes(needle))
  expect(hits, needle).toHaveLength(1)
  return hits[0]
}
const HEAD = '【团1 云南蓝莓 125g×4盒】已接 12/12 份'

beforeAll(async () => {
  const r = await run(whole)
  expect(r.errors).toEqual([])
  out = r.out
})

describe('supply: suppliers, quotes, samples (private chat with the organizer)', () => {
  it('records suppliers with masked phones, quotes with their ladders, and the sample', () => {
    expect(
      to('阿May')
        .slice(0, 5)
        .map((o) => o.text),
    ).toEqual([
      '已记录供应商：滇果鲜（王经理 138****1234）',
      '已记录供应商：果园直供（李姐 137****5678）',
      '已记录报价：滇果鲜 · 云南蓝莓（主供） 起订 10 份 交期 3 天 产能 10 份 进价 10份起 ¥45 / 20份起 ¥42',
      '已记录报价：果园直供 · 云南蓝莓（备选） 起订 1 份 交期 2 天 产能 50 份 进价 ¥40\n同一商品还有 1 家报价',
      '已记录样品：滇果鲜 · 云南蓝莓 通过（甜度高）',
    ])
  })

  it('at close, advises the organizer privately and splits above the primary capacity', () => {
    expect(one(to('阿May'), '订货建议')).toEqual({
      at: '2026-12-04T20:00:00.000+08:00',
      to: '阿May',
      mentions: [],
      text: '🏭 团1 云南蓝莓 125g×4盒 截单共 12 份，订货建议：\n· 向 滇果鲜 订 10 份，进价 ¥45/份，计 ¥450，交期 3 天\n· 向 果园直供 订 2 份，进价 ¥40/份，计 ¥80，交期 2 天\n超过主供产能，已拆给 2 家供应商。\n进货成本合计 ¥530。',
    })
  })
})

describe('launch with tiers, pickup points, shipping and a payment grace period', () => {
  it('the launch message states tiers, ways to get the goods and the grace period', () => {
    expect(toGroup()[0].text).toBe(
      [
        '🛒 团1 开团：云南蓝莓 125g×4盒',
        '价格 ¥59/份',
        '限量 12 份',
        '每人限购 3 份',
        '截止 12月4日 20:00',
        '阶梯价：满 6 份 ¥55，满 10 份 ¥52（按最终总数，所有人同价）',
        '取货：自提 东门快递柜 / 3号楼大堂；快递（运费 ¥8）（接龙时可写「+1 自提东门」）',
        '付款时限：截单后 2天内付款，逾期未付的订单释放给候补',
        '接龙请回复「+1」，改数量直接发新的总数，「取消」退出，「进度」看进度',
      ].join('\n'),
    )
  })

  it('digests show the current tier and the units to the next; join words set the delivery', () => {
    const d = toGroup().filter((o) => o.text.startsWith('【'))
    expect(d[0].text).toBe(
      '【团1 云南蓝莓 125g×4盒】已接 3/12 份 · 剩 1天10小时 · 现价 ¥59，再 3 份降到 ¥55\n✅ 已登记：Lily 3 份\n📍 取货方式：Lily 自提 东门快递柜',
    )
    expect(d[1].text).toBe(
      '【团1 云南蓝莓 125g×4盒】已接 9/12 份 · 剩 1天10小时 · 现价 ¥55，再 1 份降到 ¥52\n✅ 已登记：Tom、Ann、Bob 各 2 份\n📍 取货方式：Tom 快递（运费 ¥8）；Ann 自提 3号楼大堂',
    )
    expect(d[2].text).toBe(
      '【团1 云南蓝莓 125g×4盒】已接 11/12 份 · 剩 1天10小时 · 已到最低价 ¥52\n✅ 已登记：Cici 2 份\n📍 取货方式：Cici 自提 东门快递柜',
    )
  })

  it('the board shows the tier; a member choosing shipping is asked privately for an address', () => {
    expect(one(toGroup(), '📋').text).toBe(
      '📋 团1 云南蓝莓 125g×4盒（进行中）\n已接 12/12 份（6 人），候补 2 份\n阶梯价：已到最低价 ¥52\n剩余 1天10小时（12月4日 20:00 截止）',
    )
    expect(to('Tom')[0].text).toBe(
      '你选了团1 云南蓝莓 125g×4盒 快递到家，请在这里（私聊）发送收货地址：/address 收件人 手机号 详细地址',
    )
    expect(to('Tom')[1].text).toBe(
      '已保存收货地址：汤姆 139****5678 上海市徐汇区漕溪北路1号\n只用于发货，不会出现在群里。',
    )
  })

  it('countdowns carry the tier too', () => {
    expect(one(toGroup(), '还有 1小时 截单').text).toContain('已接 12/12 份 · 候补 2 份，已到最低价 ¥52')
  })
})

describe('close at a tier', () => {
  it('everyone pays the final tier; the summary says so, adds shipping, asks the undecided once', () => {
    expect(one(toGroup(), '已截单，成团')).toEqual({
      at: '2026-12-04T20:00:00.000+08:00',
      room: '烘焙同好群',
      mentions: ['Lily', 'Tom', 'Ann', 'Bob', 'Cici', 'Dan'],
      text: [
        '✅ 团1 云南蓝莓 125g×4盒 已截单，成团！共 12 份，6 人，合计 ¥624。请按下面的金额付款：',
        '@Lily：3 份 × ¥52，应付 ¥156',
        '@Tom：2 份 × ¥52，应付 ¥104',
        '@Ann：2 份 × ¥52，应付 ¥104',
        '@Bob：2 份 × ¥52，应付 ¥104',
        '@Cici：2 份 × ¥52，应付 ¥104',
        '@Dan：1 份 × ¥52，应付 ¥52',
        '候补未转正的 1 人无需付款：Eve',
        '🎯 最终 12 份，达到阶梯价「满 10 份 ¥52」，每人都按 ¥52/份结算（原价 ¥59）',
        '🚚 快递另付运费 ¥8：Tom（合计 ¥112）',
        '💰 付款后请回复「已付款」（可附转账尾号），团长确认后登记；请在 12月6日 20:00 前付款，逾期未付的订单将释放给候补',
        '📍 还没选取货方式：Bob，请回复「自提 东门」、「自提 3号」、「/ship-to」',
      ].join('\n'),
    })
  })
})

describe('payments', () => {
  it('members report, the organizer confirms and rejects, /unpaid lists who owes', () => {
    expect(at('2026-12-04T20:30').map((o) => o.text)).toEqual([
      `${HEAD} · 候补 2 份 · 已截止\n💰 已报付款（待团长确认）：Lily`,
    ])
    expect(at('2026-12-04T21:00')[0].text).toBe(`${HEAD} · 候补 2 份 · 已截止\n✅ 已确认收款：Lily、Tom`)
    expect(at('2026-12-04T21:01')[0]).toMatchObject({
      mentions: ['Cici'],
      text: `${HEAD} · 候补 2 份 · 已截止\n❗ @Cici 团长没有查到你的付款（应付 ¥104），请核对后再付`,
    })
    expect(at('2026-12-04T21:02')[0].text).toBe(
      '💰 团1 云南蓝莓 125g×4盒 未确认付款 4 人，共 ¥364：\nAnn ¥104（已报付款，待确认）\nBob ¥104\nCici ¥104\nDan ¥52',
    )
  })

  it('one reminder at 20:00 the day after close @mentions only those who neither paid nor said so', () => {
    expect(one(toGroup(), '付款提醒')).toEqual({
      at: '2026-12-05T20:00:00.000+08:00',
      room: '烘焙同好群',
      mentions: ['Bob', 'Cici', 'Dan'],
      text: '⏰ 团1 云南蓝莓 125g×4盒 付款提醒：还有 3 人未付款\n@Bob ¥104\n@Cici ¥104\n@Dan ¥52\n付款后请回复「已付款」；12月6日 20:00 前未付的订单将释放给候补',
    })
  })

  it('after the grace period the unpaid order is released and the waitlist promoted, in one digest', () => {
    const d = at('2026-12-06T20:00')
    expect(d).toHaveLength(1)
    expect(d[0]).toMatchObject({
      mentions: ['Bob', 'Eve'],
      text: `${HEAD} · 已截止\n⌛ @Bob 超过付款时限未付款，2 份已释放给候补\n🎉 @Eve 候补转正 2 份，应付 ¥104，请在 12月8日 20:00 前付款；取货方式请回复「自提 东门」、「自提 3号」、「/ship-to」`,
    })
    expect(at('2026-12-06T20:05')[0].text).toBe(`${HEAD} · 已截止\n📍 取货方式：Eve 自提 3号楼大堂`)
    expect(at('2026-12-06T20:15')[0].text).toBe(`${HEAD} · 已截止\n✅ 已确认收款：Eve`)
  })
})

describe('delivery', () => {
  it('/arrived posts one message per point @mentioning exactly who collects there', () => {
    expect(at('2026-12-07T10:00')[0]).toEqual({
      at: '2026-12-07T10:00:00.000+08:00',
      room: '烘焙同好群',
      mentions: ['Lily', 'Cici', 'Dan'],
      text: '📦 团1 云南蓝莓 125g×4盒 到货了，在「东门快递柜」，请 3 位来取，取到后回复「已取货」：\n@Lily 3 份\n@Cici 2 份\n@Dan 1 份',
    })
    expect(at('2026-12-07T10:01')[0]).toMatchObject({
      mentions: ['Ann', 'Eve'],
      text: '📦 团1 云南蓝莓 125g×4盒 到货了，在「3号楼大堂」，请 2 位来取，取到后回复「已取货」：\n@Ann 2 份\n@Eve 2 份',
    })
  })

  it('/ship records the tracking number and @mentions the member with carrier and number', () => {
    expect(at('2026-12-07T10:02')[0]).toMatchObject({
      mentions: ['Tom'],
      text: `${HEAD} · 已截止\n🚚 @Tom 已发货：顺丰 SF1234567890`,
    })
    expect(at('2026-12-07T14:00')[0].text).toBe('Tom 的快递：\n团1 云南蓝莓 125g×4盒：顺丰 SF1234567890')
  })

  it('/picked acknowledges in the digest; /notpicked lists the rest per point', () => {
    expect(at('2026-12-07T12:00')[0].text).toBe(`${HEAD} · 已截止\n📦 已取货：Lily`)
    expect(at('2026-12-07T13:00')[0].text).toBe(
      '📦 团1 云南蓝莓 125g×4盒 还有 3 人未取/未收：\n「东门快递柜」：Dan 1 份\n「3号楼大堂」：Eve 2 份\n快递已发出待确认：Tom 2 份',
    )
  })

  it('the sale completes when the last order is delivered, and the group is asked once for ratings', () => {
    const ask = one(toGroup(), '全部交付完成')
    expect(ask).toMatchObject({
      at: '2026-12-08T11:00:00.000+08:00',
      text: '🎉 团1 云南蓝莓 125g×4盒 全部交付完成，谢谢大家！欢迎评价：回复「/rate 5 很甜」（1–5 星，可附一句话）',
    })
  })
})

describe('after-sales', () => {
  it('a ticket goes privately to the organizer; the group sees a receipt without the details', () => {
    expect(one(to('阿May'), '售后单 1 ·').text).toBe(
      '🧾 售后单 1 · 烘焙同好群 团1 云南蓝莓 125g×4盒\nAnn（2 份，应付 ¥104）：有一盒压坏了,电话13987654321\n处理：/resolve 1 退款 金额 · /resolve 1 补发 · /resolve 1 无需处理 原因',
    )
    const receipt = at('2026-12-07T15:00').find((o) => o.room)!
    expect(receipt.text).toBe(`${HEAD} · 已截止\n🧾 已收到 Ann 的售后反馈（售后单 1），团长会私聊处理`)
  })

  it('a refund is told to the member privately and acknowledged in the group', () => {
    expect(one(to('Ann'), '售后单 1').text).toBe('你的售后单 1（团1 云南蓝莓 125g×4盒）已处理：退款 ¥20（压坏一盒）')
    expect(one(to('阿May'), '已处理：退款').text).toBe('售后单 1（Ann）已处理：退款 ¥20（压坏一盒），已私聊告知对方。')
    expect(at('2026-12-07T16:00').find((o) => o.room)).toMatchObject({
      mentions: ['Ann'],
      text: `${HEAD} · 已截止\n🧾 @Ann 售后单 1 已处理，结果已私聊告知`,
    })
  })
})

describe('ratings and stats', () => {
  it('/rate is acknowledged; /reviews shows average, distribution and comments', () => {
    expect(at('2026-12-08T12:00')[0].text).toBe(`${HEAD} · 已截止\n⭐ 感谢评价：Lily 5 星`)
    expect(at('2026-12-08T12:10')[0].text).toBe(
      '⭐ 团1 云南蓝莓 125g×4盒 评价：平均 4.0 分（3 人）\n5 星 █ 1\n4 星 █ 1\n3 星 █ 1\n2 星 0\n1 星 0\n「物流快」—— Tom（4 星）\n「很甜」—— Lily（5 星）',
    )
  })

  it('/stats shows the sale and the group as text tables, in the group and privately', () => {
    const expected = [
      '📊 团1 云南蓝莓 125g×4盒（已成团）',
      '订单（人×规格）：6',
      '下单人数：6',
      '份数：12',
      '成交额 GMV：¥624',
      '退款：¥20',
      '净额：¥604',
      '已确认付款：6/6（100%）',
      '自提已取：5/5（100%）',
      '评分：4.0（3 人）',
      '售后率（单/订单）：1/6（16.7%）',
      '平均处理时长：1 小时',
      '📊 烘焙同好群 全群',
      '开团数：1',
      '成团率：1/1（100%）',
      '下单人数：6',
      '复购人数（≥2 团）：0（0%）',
      '意向→开团：—',
      '意向→下单：—',
      '2026-12 GMV：¥624（1 团，退款 ¥20）',
    ].join('\n')
    expect(at('2026-12-08T12:20')[0].text).toBe(expected)
    expect(at('2026-12-08T12:30')[0]).toMatchObject({ to: '阿May', text: expected })
  })
})

describe('the shipped example', () => {
  it('data/examples/sale-to-delivery.jsonl is this transcript', async () => {
    const { readFileSync } = await import('node:fs')
    const lines = readFileSync(new URL('../../data/examples/sale-to-delivery.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines).toEqual(JSON.parse(JSON.stringify(whole)))
  })
})
