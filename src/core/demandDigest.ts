// Digest blocks for demand notices (votes, intent commitments, 接龙 lines, lottery entries).
// Each notice carries the snapshot it needs (a poll's counts, an intent's totals), so the
// block shows the latest state without reading the database. Pure.
import type { DigestNotice, Mentions } from './render.js'
import { pollDigestLines } from './poll.js'
import { t } from '../i18n/zh-CN.js'

export const DEMAND_NOTICE_KINDS = [
  'voted',
  'intentAck',
  'intentWithdrawn',
  'chainSkipped',
  'chainProxy',
  'lotteryEntry',
  'lotteryWithdrawn',
] as const
export type DemandNoticeKind = (typeof DEMAND_NOTICE_KINDS)[number]

const kinds = new Set<string>(DEMAND_NOTICE_KINDS)
export const isDemandNotice = (kind: string) => kinds.has(kind)

const NAMES_SHOWN = 20
const names = (list: string[]) =>
  list.slice(0, NAMES_SHOWN).join('、') + (list.length > NAMES_SHOWN ? ` 等 ${list.length} 人` : '')

/** The block a notice belongs to: one per poll, intent, 接龙 target, lottery sale. */
function blockOf(n: DigestNotice): string {
  const p = n.payload
  switch (n.kind) {
    case 'voted':
      return `poll:${p.poll}`
    case 'intentAck':
    case 'intentWithdrawn':
      return `intent:${p.intent}`
    case 'chainSkipped':
    case 'chainProxy':
      return `chain:${p.target}`
    default:
      return `lottery:${p.sale}`
  }
}

/** The latest notice per key, in the order of those latest notices. */
function latest(list: DigestNotice[], key: (n: DigestNotice) => string): DigestNotice[] {
  const m = new Map<string, DigestNotice>()
  for (const n of list) {
    const k = key(n)
    m.delete(k)
    m.set(k, n)
  }
  return [...m.values()]
}

export function demandBlocks(notices: DigestNotice[], m: Mentions): string[] {
  const blocks = new Map<string, DigestNotice[]>()
  for (const n of notices) blocks.set(blockOf(n), [...(blocks.get(blockOf(n)) ?? []), n])
  const out: string[] = []
  for (const [key, list] of blocks) {
    const last = list[list.length - 1].payload
    if (key.startsWith('poll:')) {
      const voters = latest(list, (n) => n.member).map((n) => n.member)
      out.push(
        pollDigestLines(
          {
            no: Number(last.poll),
            question: String(last.question),
            options: last.options as string[],
            counts: last.counts as number[],
            voters: Number(last.voters),
            anonymous: !!last.anonymous,
          },
          voters,
        ).join('\n'),
      )
    } else if (key.startsWith('intent:')) {
      const lines = [
        t('demand.digestHeader', {
          no: Number(last.intent),
          title: String(last.title),
          total: Number(last.total),
          members: Number(last.members),
          threshold: (last.threshold as number | null) ?? null,
        }),
      ]
      const state = latest(list, (n) => n.member)
      const acks = state.filter((n) => n.kind === 'intentAck')
      const gone = state.filter((n) => n.kind === 'intentWithdrawn')
      if (acks.length > 0) {
        const shown = acks
          .slice(0, NAMES_SHOWN)
          .map((n) => `${n.member} ${Number(n.payload.qty)} 份`)
          .join('、')
        lines.push(t('demand.digestAcks', { list: shown + (acks.length > NAMES_SHOWN ? ` 等 ${acks.length} 人` : '') }))
      }
      if (gone.length > 0) lines.push(t('demand.digestWithdrawn', { names: names(gone.map((n) => n.member)) }))
      out.push(lines.join('\n'))
    } else if (key.startsWith('chain:')) {
      const lines = [t('chain.header', { target: String(last.target) })]
      const skipped = latest(
        list.filter((n) => n.kind === 'chainSkipped'),
        (n) => `${n.payload.no}|${n.payload.content}`,
      )
      for (const n of skipped) {
        lines.push(
          t('chain.skipped', {
            who: m.at(n.member),
            no: Number(n.payload.no),
            content: String(n.payload.content),
            reason: String(n.payload.reason),
          }),
        )
      }
      const proxies = latest(
        list.filter((n) => n.kind === 'chainProxy'),
        (n) => String(n.payload.name),
      )
      if (proxies.length > 0) {
        lines.push(
          t('chain.proxy', {
            list:
              proxies
                .slice(0, NAMES_SHOWN)
                .map((n) => t('chain.proxyOne', { by: n.member, name: String(n.payload.name) }))
                .join('、') + (proxies.length > NAMES_SHOWN ? ` 等 ${proxies.length} 人` : ''),
          }),
        )
      }
      out.push(lines.join('\n'))
    } else {
      const lines = [
        t('lottery.digestHeader', {
          no: Number(last.sale),
          title: String(last.title),
          entrants: Number(last.entrants),
          at: String(last.drawAt),
        }),
      ]
      const state = latest(list, (n) => `${n.member}|${n.payload.item ?? ''}`)
      const entries = state.filter((n) => n.kind === 'lotteryEntry')
      const gone = state.filter((n) => n.kind === 'lotteryWithdrawn')
      if (entries.length > 0) {
        const shown = entries.slice(0, NAMES_SHOWN).map((n) =>
          t('lottery.entryLine', {
            who: n.member,
            qty: Number(n.payload.qty),
            item: n.payload.item ? ` ${n.payload.item}` : '',
          }),
        )
        lines.push(
          t('lottery.digestEntries', {
            list: shown.join('、') + (entries.length > NAMES_SHOWN ? ` 等 ${entries.length} 人` : ''),
          }),
        )
      }
      if (gone.length > 0) lines.push(t('lottery.digestWithdrawn', { names: names(gone.map((n) => n.member)) }))
      out.push(lines.join('\n'))
    }
  }
  return out
}
