// Parses the body of a launch message: a title line, then `key: value` lines
// and `- variant` lines. Every line must be understood: a typo in a key must
// not silently drop a limit or a deadline from a sale that takes money.
import { looseKey, normalize } from './text.js'
import { CN_NUMERAL_CHARS, parseCount, parseMoney, UNIT_WORDS } from './quantity.js'
import { parseDeadline, parseDuration } from './deadline.js'
import { parseTiers, type Tier } from './tiers.js'
import { parsePoints, parseShipping } from './delivery.js'

export type VariantSpec = { name: string; priceFen: number | null; stock: number | null }
export type LaunchSpec = {
  title: string
  priceFen: number
  stock: number | null
  limit: number | null
  deadline: number
  minUnits: number | null
  minMembers: number | null
  note: string | null
  variants: VariantSpec[]
  extra: Record<string, string>
  // present only when the launch says so: 阶梯 / 自提 / 快递 / 供应 / 付款时限
  tiers?: Tier[]
  pickupPoints?: string[]
  /** 0 = 包邮 */
  shippingFeeFen?: number
  /** a supplier's name, checked against the suppliers when the sale is created */
  supplier?: string
  payGraceMs?: number
  // 抽签 (lottery window) and the intent a sale is launched from (set by /launch from N)
  lotteryMs?: number
  intentId?: number
}
export type LaunchError =
  | { code: 'noTitle' }
  | { code: 'badLine'; line: string }
  | { code: 'noPrice' }
  | { code: 'noDeadline' }
  | { code: 'pastDeadline'; line: string }
  | { code: 'duplicateVariant'; line: string }
export type LaunchResult = { ok: true; spec: LaunchSpec } | { ok: false; error: LaunchError }

const MAX_TITLE = 60
const MAX_VARIANT_NAME = 20
const MAX_STOCK = 100_000
const MAX_LIMIT = 999
const MAX_PRICE_FEN = 100_000 * 100

type Key =
  | 'price'
  | 'stock'
  | 'limit'
  | 'deadline'
  | 'min'
  | 'note'
  | 'tiers'
  | 'pickup'
  | 'shipping'
  | 'supplier'
  | 'grace'
  | 'lottery'
const KEYS: Record<string, Key> = {
  价格: 'price',
  price: 'price',
  限量: 'stock',
  库存: 'stock',
  stock: 'stock',
  限购: 'limit',
  limit: 'limit',
  截止: 'deadline',
  deadline: 'deadline',
  成团: 'min',
  min: 'min',
  说明: 'note',
  note: 'note',
  阶梯: 'tiers',
  阶梯价: 'tiers',
  tiers: 'tiers',
  自提: 'pickup',
  自提点: 'pickup',
  pickup: 'pickup',
  快递: 'shipping',
  shipping: 'shipping',
  供应: 'supplier',
  供应商: 'supplier',
  supplier: 'supplier',
  付款时限: 'grace',
  付款期限: 'grace',
  paywithin: 'grace',
  抽签: 'lottery',
  lottery: 'lottery',
}
const MAX_GRACE_MS = 14 * 24 * 3600_000
const MAX_LOTTERY_MS = 24 * 3600_000

// normalize() has already folded '：' into ':'.
const KEY_LINE = /^([^:]+?)\s*:\s*(.*)$/
const UNIT = `(?:${[...UNIT_WORDS].sort((a, b) => b.length - a.length).join('|')})`
const COUNT = `(\\d+|[${CN_NUMERAL_CHARS}]+)`
const COUNT_WITH_UNIT = new RegExp(`^${COUNT}\\s*${UNIT}$`)
const COUNT_MAYBE_UNIT = new RegExp(`^${COUNT}\\s*${UNIT}?$`)
const LIMIT_VALUE = new RegExp(`^(?:每人)?\\s*${COUNT}\\s*${UNIT}?$`)
const MIN_VALUE = new RegExp(`^${COUNT}\\s*(人|${UNIT})?$`)
const PER_UNIT = new RegExp(`\\s*/\\s*${UNIT}$`)

function count(value: string, re: RegExp, max: number): number | null {
  const m = re.exec(value)
  const n = m ? parseCount(m[1]) : null
  return n !== null && n >= 1 && n <= max ? n : null
}

/** '59', '59.9元', '¥59/盒' -> fen, or null when not a valid positive price. */
function price(value: string): number | null {
  const fen = parseMoney(value.replace(PER_UNIT, ''))
  return fen !== null && fen > 0 && fen <= MAX_PRICE_FEN ? fen : null
}

export function parseLaunch(body: string, now: number, tz?: string): LaunchResult {
  const lines = String(body ?? '')
    .split(/\r\n|\r|\n/)
    .map((raw) => ({ raw: raw.trim(), text: normalize(raw).replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text !== '')
  const fail = (error: LaunchError): LaunchResult => ({ ok: false, error })

  const [first, ...rest] = lines
  if (!first || first.text.startsWith('-') || isKnownKeyLine(first.text)) return fail({ code: 'noTitle' })
  if ([...first.text].length > MAX_TITLE) return fail({ code: 'badLine', line: first.raw })

  const seen = new Set<Key>()
  const spec: Omit<LaunchSpec, 'priceFen' | 'deadline'> & { priceFen: number | null; deadline: number | null } = {
    title: first.text,
    priceFen: null,
    stock: null,
    limit: null,
    deadline: null,
    minUnits: null,
    minMembers: null,
    note: null,
    variants: [],
    extra: {},
  }
  const variantKeys = new Set<string>()
  // tiers are checked against the sale's price, which may come from the variants
  let tiersLine: { raw: string; value: string } | null = null
  let lotteryLine = ''

  for (const { raw, text } of rest) {
    const bad = fail({ code: 'badLine', line: raw })
    if (text.startsWith('-')) {
      const v = parseVariant(text.replace(/^-+\s*/, ''))
      if (!v) return bad
      const k = looseKey(v.name)
      if (variantKeys.has(k)) return fail({ code: 'duplicateVariant', line: raw })
      variantKeys.add(k)
      spec.variants.push(v)
      continue
    }
    const m = KEY_LINE.exec(text)
    const key = m && Object.hasOwn(KEYS, m[1].toLowerCase()) ? KEYS[m[1].toLowerCase()] : undefined
    if (!m || !key || seen.has(key) || m[2] === '') return bad
    seen.add(key)
    const value = m[2]
    switch (key) {
      case 'price':
        if ((spec.priceFen = price(value)) === null) return bad
        break
      case 'stock':
        if ((spec.stock = count(value, COUNT_MAYBE_UNIT, MAX_STOCK)) === null) return bad
        break
      case 'limit':
        if ((spec.limit = count(value, LIMIT_VALUE, MAX_LIMIT)) === null) return bad
        break
      case 'deadline': {
        const t = parseDeadline(value, now, tz)
        if (t === null) return bad
        if (t <= now) return fail({ code: 'pastDeadline', line: raw })
        spec.deadline = t
        break
      }
      case 'min': {
        const n = count(value, MIN_VALUE, MAX_STOCK)
        if (n === null) return bad
        if (value.endsWith('人')) spec.minMembers = n
        else spec.minUnits = n
        break
      }
      case 'note':
        spec.note = value
        break
      case 'tiers':
        if (parseTiers(value, null) === null) return bad
        tiersLine = { raw, value }
        break
      case 'pickup': {
        const points = parsePoints(value)
        if (points === null) return bad
        spec.pickupPoints = points
        break
      }
      case 'shipping': {
        const fee = parseShipping(value)
        if (fee === null) return bad
        spec.shippingFeeFen = fee
        break
      }
      case 'supplier':
        if ([...value].length > 40) return bad
        spec.supplier = value
        break
      case 'grace': {
        const ms = parseDuration(value)
        if (ms === null || ms > MAX_GRACE_MS) return bad
        spec.payGraceMs = ms
        break
      }
      case 'lottery': {
        const ms = parseDuration(value)
        if (ms === null || ms < 60_000 || ms > MAX_LOTTERY_MS) return bad
        spec.lotteryMs = ms
        lotteryLine = raw
        break
      }
    }
  }

  // Without a sale price, the cheapest variant is the headline price, but
  // only if every variant states one.
  if (spec.priceFen === null) {
    const prices = spec.variants.map((v) => v.priceFen)
    if (prices.length === 0 || prices.some((p) => p === null)) return fail({ code: 'noPrice' })
    spec.priceFen = Math.min(...(prices as number[]))
  }
  if (spec.deadline === null) return fail({ code: 'noDeadline' })
  // the draw must happen while the sale is still open
  if (spec.lotteryMs !== undefined && now + spec.lotteryMs >= spec.deadline)
    return fail({ code: 'badLine', line: lotteryLine })
  if (tiersLine !== null) {
    const tiers = parseTiers(tiersLine.value, spec.priceFen)
    if (tiers === null) return fail({ code: 'badLine', line: tiersLine.raw })
    spec.tiers = tiers
  }
  return { ok: true, spec: { ...spec, priceFen: spec.priceFen, deadline: spec.deadline } }
}

function isKnownKeyLine(text: string): boolean {
  const m = KEY_LINE.exec(text)
  return m !== null && Object.hasOwn(KEYS, m[1].toLowerCase())
}

/**
 * '大果 69元 20份' / '超大果' / '大果 20份' / '大果 69'. The first word is always
 * part of the name (so '2斤 39元' is a variant named 2斤); the name then runs
 * up to the first price or stock word, and everything after must be one of those.
 */
function parseVariant(content: string): VariantSpec | null {
  const words = content.split(' ').filter(Boolean)
  if (words.length === 0) return null
  const isSpecWord = (w: string) => COUNT_WITH_UNIT.test(w) || parseMoney(w) !== null
  let i = 1
  while (i < words.length && !isSpecWord(words[i])) i++
  const name = words.slice(0, i).join(' ')
  if ([...name].length > MAX_VARIANT_NAME) return null
  let priceFen: number | null = null
  let stock: number | null = null
  for (const w of words.slice(i)) {
    if (COUNT_WITH_UNIT.test(w)) {
      if (stock !== null || (stock = count(w, COUNT_WITH_UNIT, MAX_STOCK)) === null) return null
    } else {
      if (priceFen !== null || (priceFen = price(w)) === null) return null
    }
  }
  return { name, priceFen, stock }
}
