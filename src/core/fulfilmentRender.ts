// Pure rendering for the after-sale: tier progress, launch lines, and the digest lines of the
// fulfilment notices. Anything a member typed goes through maskPhones before it reaches a group.
import { t } from '../i18n/zh-CN.js'
import { formatDuration } from './deadline.js'
import { nextTier, priceAt, type Tier } from './tiers.js'
import { maskPhones } from './privacy.js'
import type { DigestNotice, Mentions } from './render.js'

/** Digest notices of the after-sale (payment, delivery, tickets, ratings). */
export type FulfilmentNoticeKind =
  | 'paidReported'
  | 'paidConfirmed'
  | 'paidRejected'
  | 'released'
  | 'promotedPay'
  | 'delivery'
  | 'deliveryAsk'
  | 'shipped'
  | 'picked'
  | 'ticket'
  | 'resolved'
  | 'rated'

export type FulfilmentView = {
  priceFen: number
  state: 'open' | 'succeeded' | 'failed' | 'aborted'
  tiers?: Tier[]
  pickupPoints?: string[]
  shippingFeeFen?: number | null
  payGraceMs?: number | null
}

const yuan = (fen: number) => t('money.yuan', { fen })

/** 'now ¥55/份, 12 more to ¥52' while open; null without tiers or once closed. */
export function tierProgress(s: FulfilmentView, sold: number): string | null {
  if (!s.tiers || s.tiers.length === 0 || s.state !== 'open') return null
  const now = priceAt(s.tiers, s.priceFen, sold)
  const next = nextTier(s.tiers, sold)
  return next
    ? t('tier.progress', { price: yuan(now), left: next.left, next: yuan(next.tier.fen) })
    : t('tier.top', { price: yuan(now) })
}

export function launchExtras(s: FulfilmentView): string[] {
  const lines: string[] = []
  if (s.tiers && s.tiers.length > 0)
    lines.push(t('tier.launch', { steps: s.tiers.map((x) => `满 ${x.from} 份 ${yuan(x.fen)}`).join('，') }))
  const ways: string[] = []
  if (s.pickupPoints && s.pickupPoints.length > 0)
    ways.push(t('delivery.launchPickup', { points: s.pickupPoints.join(' / ') }))
  if (s.shippingFeeFen !== undefined && s.shippingFeeFen !== null)
    ways.push(
      s.shippingFeeFen === 0 ? t('delivery.launchFreeShip') : t('delivery.launchShip', { fee: yuan(s.shippingFeeFen) }),
    )
  if (ways.length > 0)
    lines.push(
      t('delivery.launchWays', {
        ways: ways.join('；'),
        example: s.pickupPoints && s.pickupPoints.length > 0 ? `+1 自提${s.pickupPoints[0].slice(0, 2)}` : '+1 快递',
      }),
    )
  if (s.payGraceMs) lines.push(t('pay.launchGrace', { span: formatDuration(s.payGraceMs) }))
  return lines
}

/** Digest lines for the fulfilment notices of one sale block; `m` is the digest's shared mention list. */
export function fulfilmentLines(notices: DigestNotice[], m: Mentions): string[] {
  const lines: string[] = []
  const of = (kind: string) => notices.filter((n) => n.kind === kind)
  const names = (list: DigestNotice[]) => list.map((n) => n.member).join('、')
  for (const n of of('released'))
    lines.push(t('pay.releasedLine', { who: m.at(n.member), units: Number(n.payload.units) }))
  for (const n of of('promotedPay')) {
    const p = n.payload
    lines.push(
      t('pay.promotedLine', {
        who: m.at(n.member),
        items: String(p.items),
        amount: String(p.amount),
        until: p.until === null ? null : String(p.until),
        waiting: Number(p.waiting ?? 0),
        ask: p.ask ? String(p.ask) : null,
      }),
    )
  }
  for (const n of of('paidRejected'))
    lines.push(t('pay.rejectedLine', { who: m.at(n.member), amount: String(n.payload.amount) }))
  if (of('paidReported').length > 0) lines.push(t('pay.reportedLine', { names: names(of('paidReported')) }))
  if (of('paidConfirmed').length > 0) lines.push(t('pay.confirmedLine', { names: names(of('paidConfirmed')) }))
  if (of('delivery').length > 0) {
    lines.push(
      t('delivery.chosenLine', {
        list: of('delivery')
          .map((n) => `${n.member} ${String(n.payload.text)}`)
          .join('；'),
      }),
    )
  }
  for (const n of of('deliveryAsk'))
    lines.push(t('digest.ask', { who: m.at(n.member), question: String(n.payload.question) }))
  for (const n of of('shipped'))
    lines.push(
      t('delivery.shippedLine', {
        who: m.at(n.member),
        carrier: String(n.payload.carrier),
        tracking: String(n.payload.tracking),
      }),
    )
  if (of('picked').length > 0) lines.push(t('delivery.pickedLine', { names: names(of('picked')) }))
  for (const n of of('ticket')) lines.push(t('ticket.ackLine', { name: n.member, no: Number(n.payload.no) }))
  for (const n of of('resolved'))
    lines.push(t('ticket.resolvedLine', { who: m.at(n.member), no: Number(n.payload.no) }))
  if (of('rated').length > 0)
    lines.push(
      t('rating.thanksLine', {
        list: of('rated')
          .map((n) => `${n.member} ${Number(n.payload.stars)} 星`)
          .join('、'),
      }),
    )
  return lines.map(maskPhones)
}
