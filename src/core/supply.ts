// Suppliers' quotes (报价) and what to order from whom at close. Pure.
import { normalize } from './text.js'
import { parseCount } from './quantity.js'
import { parseDuration } from './deadline.js'
import { ladderCost, parseLadder, type Tier } from './tiers.js'

export type QuoteTerms = {
  supplier: string
  item: string
  minOrder: number | null
  leadDays: number | null
  capacity: number | null
  ladder: Tier[]
  /** 主供 / 备选 said explicitly, else null */
  role: 'primary' | 'backup' | null
}

const KEYWORDS: Record<string, 'min' | 'lead' | 'price' | 'capacity' | 'primary' | 'backup'> = {
  起订量: 'min',
  起订: 'min',
  交期: 'lead',
  价格: 'price',
  进价: 'price',
  产能: 'capacity',
  主供: 'primary',
  主供应: 'primary',
  备选: 'backup',
  备用: 'backup',
  备供: 'backup',
}
const KEY_RE = new RegExp(
  `(${Object.keys(KEYWORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'g',
)
const DAY = 24 * 3600_000

const units = (v: string): number | null => {
  const m = /^(\d{1,6}|[零〇一二两三四五六七八九十]+)\s*(份|盒|斤|箱|件|个|袋)?$/.exec(v.trim())
  const n = m ? parseCount(m[1]) : null
  return n !== null && n >= 1 ? n : null
}

/** `滇果鲜 云南蓝莓 起订 30 交期 3天 价格 30份起45 60份起42 产能 200 [主供|备选]` */
export function parseQuote(text: string): { ok: true; quote: QuoteTerms } | { ok: false; part: string } {
  const s = normalize(text).replace(KEY_RE, ' $1 ').replace(/\s+/g, ' ').trim()
  const tokens = s.split(' ').filter(Boolean)
  const firstKey = tokens.findIndex((t) => KEYWORDS[t] !== undefined)
  const head = firstKey < 0 ? tokens : tokens.slice(0, firstKey)
  if (head.length < 2) return { ok: false, part: head.join(' ') || text }
  const q: QuoteTerms = {
    supplier: head[0],
    item: head.slice(1).join(' '),
    minOrder: null,
    leadDays: null,
    capacity: null,
    ladder: [],
    role: null,
  }
  let i = firstKey < 0 ? tokens.length : firstKey
  while (i < tokens.length) {
    const key = KEYWORDS[tokens[i]]
    let j = i + 1
    while (j < tokens.length && KEYWORDS[tokens[j]] === undefined) j++
    const value = tokens.slice(i + 1, j).join(' ')
    const bad = { ok: false as const, part: tokens.slice(i, j).join(' ') }
    switch (key) {
      case 'min':
        if ((q.minOrder = units(value)) === null) return bad
        break
      case 'capacity':
        if ((q.capacity = units(value)) === null) return bad
        break
      case 'lead': {
        const ms = /^\d{1,3}$/.test(value) ? Number(value) * DAY : parseDuration(value)
        if (ms === null || ms <= 0) return bad
        q.leadDays = Math.ceil(ms / DAY)
        break
      }
      case 'price': {
        const ladder = /^¥?\d+(\.\d{1,2})?\s*元?$/.test(value)
          ? parseLadder(`1份 ${value}`, false)
          : parseLadder(value, false)
        if (!ladder) return bad
        q.ladder = ladder
        break
      }
      case 'primary':
      case 'backup':
        if (value !== '') return bad
        q.role = key
        break
    }
    i = j
  }
  return { ok: true, quote: q }
}

export type QuoteInfo = {
  supplier: string
  minOrder: number | null
  leadDays: number | null
  capacity: number | null
  ladder: Tier[]
}
export type SupplyLine = {
  supplier: string
  qty: number
  unitFen: number | null
  costFen: number | null
  leadDays: number | null
  belowMin: number | null
}
export type SupplyPlan = {
  lines: SupplyLine[]
  /** units no quote can cover */
  short: number
  /** a backup that could take the whole order alone, when the primary's minimum is not met */
  alternative: string | null
}

function line(q: QuoteInfo, qty: number): SupplyLine {
  const unitFen = ladderCost(q.ladder, qty)
  return {
    supplier: q.supplier,
    qty,
    unitFen,
    costFen: unitFen === null ? null : unitFen * qty,
    leadDays: q.leadDays,
    belowMin: q.minOrder !== null && qty < q.minOrder ? q.minOrder : null,
  }
}

/** The primary takes what it can; the rest is split across backups in the order given. */
export function planSupply(total: number, primary: QuoteInfo, backups: QuoteInfo[]): SupplyPlan {
  const lines: SupplyLine[] = []
  let left = total
  for (const q of [primary, ...backups]) {
    if (left <= 0) break
    const take = Math.min(left, q.capacity ?? Infinity)
    if (take <= 0) continue
    lines.push(line(q, take))
    left -= take
  }
  const alone = (q: QuoteInfo) => (q.capacity ?? Infinity) >= total && (q.minOrder ?? 0) <= total
  const alternative =
    lines[0]?.belowMin !== null && lines[0]?.supplier === primary.supplier
      ? (backups.find(alone)?.supplier ?? null)
      : null
  return { lines, short: Math.max(0, left), alternative }
}
