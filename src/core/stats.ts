// Sale and group figures from plain rows; the chat's text tables and the workbook's stats sheet.
import { t } from '../i18n/zh-CN.js'

export type StatOrder = {
  memberId: number
  lines: number
  units: number
  goodsFen: number
  refundFen: number
  paid: 'no' | 'reported' | 'yes'
  delivery: string | null
  state: 'pending' | 'ready' | 'delivered'
}
export type StatTicket = { openedAt: number; resolvedAt: number | null }

export type SaleStats = {
  orders: number
  members: number
  units: number
  gmvFen: number
  refundFen: number
  netFen: number
  paid: [number, number]
  picked: [number, number]
  rating: { avg: number | null; count: number }
  tickets: number
  ticketRate: number | null
  resolved: number
  resolveMs: number | null
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d)

/** Orders are order lines (a member × an item); members are distinct buyers. */
export function saleStats(orders: StatOrder[], stars: number[], tickets: StatTicket[]): SaleStats {
  const lines = orders.reduce((s, o) => s + o.lines, 0)
  const gmv = orders.reduce((s, o) => s + o.goodsFen, 0)
  const refund = orders.reduce((s, o) => s + o.refundFen, 0)
  const pickups = orders.filter((o) => o.delivery?.startsWith('pickup:'))
  const done = tickets.filter((x) => x.resolvedAt !== null)
  return {
    orders: lines,
    members: orders.length,
    units: orders.reduce((s, o) => s + o.units, 0),
    gmvFen: gmv,
    refundFen: refund,
    netFen: gmv - refund,
    paid: [orders.filter((o) => o.paid === 'yes').length, orders.length],
    picked: [pickups.filter((o) => o.state === 'delivered').length, pickups.length],
    rating: { avg: stars.length === 0 ? null : stars.reduce((s, x) => s + x, 0) / stars.length, count: stars.length },
    tickets: tickets.length,
    ticketRate: ratio(tickets.length, lines),
    resolved: done.length,
    resolveMs: done.length === 0 ? null : done.reduce((s, x) => s + (x.resolvedAt! - x.openedAt), 0) / done.length,
  }
}

export type GroupSale = {
  state: 'open' | 'succeeded' | 'failed' | 'aborted'
  month: string | null
  gmvFen: number
  refundFen: number
  buyers: number[]
}
export type GroupStats = {
  sales: number
  closed: number
  succeeded: number
  successRate: number | null
  buyers: number
  repeat: number
  intents: number
  intentsLaunched: number
  committed: number
  converted: number
  months: { month: string; sales: number; gmvFen: number; refundFen: number }[]
}

export type IntentRow = { launched: boolean; committers: number[]; buyers: number[] }

export function groupStats(sales: GroupSale[], intents: IntentRow[]): GroupStats {
  const closed = sales.filter((s) => s.state !== 'open')
  const ok = sales.filter((s) => s.state === 'succeeded')
  const count = new Map<number, number>()
  for (const s of ok) for (const b of new Set(s.buyers)) count.set(b, (count.get(b) ?? 0) + 1)
  const months = new Map<string, { month: string; sales: number; gmvFen: number; refundFen: number }>()
  for (const s of ok) {
    if (s.month === null) continue
    const m = months.get(s.month) ?? { month: s.month, sales: 0, gmvFen: 0, refundFen: 0 }
    m.sales++
    m.gmvFen += s.gmvFen
    m.refundFen += s.refundFen
    months.set(s.month, m)
  }
  const launched = intents.filter((i) => i.launched)
  return {
    sales: sales.length,
    closed: closed.length,
    succeeded: ok.length,
    successRate: ratio(ok.length, closed.length),
    buyers: count.size,
    repeat: [...count.values()].filter((n) => n >= 2).length,
    intents: intents.length,
    intentsLaunched: launched.length,
    committed: launched.reduce((s, i) => s + i.committers.length, 0),
    converted: launched.reduce((s, i) => s + i.committers.filter((c) => i.buyers.includes(c)).length, 0),
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
  }
}

const yuan = (fen: number) => t('money.yuan', { fen })
export const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 1000) / 10}%`)
const frac = ([n, d]: [number, number]) => `${n}/${d}（${pct(ratio(n, d))}）`
const hours = (ms: number | null) => (ms === null ? '—' : `${Math.round(ms / 360_000) / 10} 小时`)

/** [label, value] rows: the same rows feed the chat table and the workbook. */
export function saleRows(s: SaleStats): [string, string][] {
  return [
    ['订单（人×规格）', String(s.orders)],
    ['下单人数', String(s.members)],
    ['份数', String(s.units)],
    ['成交额 GMV', yuan(s.gmvFen)],
    ['退款', yuan(s.refundFen)],
    ['净额', yuan(s.netFen)],
    ['已确认付款', frac(s.paid)],
    ['自提已取', frac(s.picked)],
    ['评分', s.rating.avg === null ? '—' : `${s.rating.avg.toFixed(1)}（${s.rating.count} 人）`],
    ['售后率（单/订单）', `${s.tickets}/${s.orders}（${pct(s.ticketRate)}）`],
    ['平均处理时长', hours(s.resolveMs)],
  ]
}

export function groupRows(g: GroupStats): [string, string][] {
  return [
    ['开团数', String(g.sales)],
    ['成团率', `${g.succeeded}/${g.closed}（${pct(g.successRate)}）`],
    ['下单人数', String(g.buyers)],
    ['复购人数（≥2 团）', `${g.repeat}（${pct(ratio(g.repeat, g.buyers))}）`],
    ['意向→开团', g.intents === 0 ? '—' : `${g.intentsLaunched}/${g.intents}`],
    ['意向→下单', g.committed === 0 ? '—' : `${g.converted}/${g.committed}（${pct(ratio(g.converted, g.committed))}）`],
    ...g.months.map((m): [string, string] => [
      `${m.month} GMV`,
      `${yuan(m.gmvFen)}（${m.sales} 团，退款 ${yuan(m.refundFen)}）`,
    ]),
  ]
}

/** A text table for the chat: WeChat has no fixed-width font, so one 「label：value」 per line. */
export const table = (rows: [string, string][]) => rows.map(([k, v]) => `${k}：${v}`).join('\n')
