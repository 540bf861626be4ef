// Pickup points (自提点), shipping (快递) and tracking numbers, as members and organizers type them.
import { looseKey, normalize } from './text.js'
import { parseMoney } from './quantity.js'

const MAX_POINTS = 10
const MAX_POINT_NAME = 20

/** '东门快递柜; 3号楼大堂' → ['东门快递柜', '3号楼大堂'] */
export function parsePoints(value: string): string[] | null {
  const names = normalize(value)
    .split(/[;；、,，/|]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  if (names.length === 0 || names.length > MAX_POINTS) return null
  const keys = new Set<string>()
  for (const n of names) {
    const k = looseKey(n)
    if (k === '' || [...n].length > MAX_POINT_NAME || keys.has(k)) return null
    keys.add(k)
  }
  return names
}

/** '包邮' → 0, '8元' / '运费 8' → 800, anything else null. */
export function parseShipping(value: string): number | null {
  const v = normalize(value)
    .replace(/\s+/g, '')
    .replace(/^(运费|邮费)/, '')
  if (/^(包邮|免邮|免运费|免费)$/.test(v)) return 0
  const fen = parseMoney(v.replace(/\/(单|件|人)$/, ''))
  return fen !== null && fen <= 1000 * 100 ? fen : null
}

/** The configured point a member's word names: exact, or the one point that contains it (东门 → 东门快递柜). */
export function matchPoint(
  points: string[],
  word: string,
): { ok: true; point: string } | { ok: false; ambiguous: boolean } {
  const key = looseKey(word.replace(/自提(点)?/g, ''))
  if (key === '') return { ok: false, ambiguous: points.length > 1 }
  const exact = points.filter((p) => looseKey(p) === key)
  if (exact.length === 1) return { ok: true, point: exact[0] }
  const near = points.filter((p) => looseKey(p).includes(key) || (key.length >= 2 && key.includes(looseKey(p))))
  if (near.length === 1) return { ok: true, point: near[0] }
  return { ok: false, ambiguous: near.length > 1 }
}

export type DeliveryWord =
  | { kind: 'pickup'; point: string }
  | { kind: 'ship' }
  /** a pickup word that names no configured point (or several) */
  | { kind: 'unknownPoint'; word: string }
  | { kind: 'noPickup' }
  | { kind: 'noShipping' }

const SHIP_WORD = /快递|邮寄|寄给我|寄到|发货到/
const SHIP_ONLY = /^(快递|邮寄|寄快递|发快递|快递到家|寄到家|包邮)$/

/**
 * The delivery choice inside a join's leftover words (`+2 自提东门`, `+1 快递`), or null
 * when the words say nothing about delivery. Point names win over the word 快递
 * because a point may well be called 东门快递柜.
 */
export function deliveryIn(rest: string, points: string[], shippingOffered: boolean): DeliveryWord | null {
  const tokens = normalize(rest).split(/\s+/).filter(Boolean)
  const at = tokens.findIndex((t) => t.includes('自提'))
  if (at >= 0) {
    let word = tokens[at].replace(/自提(点)?/g, '')
    if (word === '' && tokens[at + 1] !== undefined) word = tokens[at + 1]
    if (points.length === 0) return { kind: 'noPickup' }
    if (word === '' && points.length === 1) return { kind: 'pickup', point: points[0] }
    const m = matchPoint(points, word)
    return m.ok ? { kind: 'pickup', point: m.point } : { kind: 'unknownPoint', word }
  }
  const ship = shippingOffered ? { kind: 'ship' as const } : { kind: 'noShipping' as const }
  for (const t of tokens) {
    // a word that only asks for shipping is never read as part of a point's name (东门快递柜)
    if (SHIP_ONLY.test(t)) return ship
    if (looseKey(t).length < 2) continue
    const m = matchPoint(points, t)
    if (m.ok) return { kind: 'pickup', point: m.point }
  }
  if (SHIP_WORD.test(rest)) return ship
  return null
}

/** The stored form of a choice: 'pickup:东门快递柜' | 'ship' | null */
export const pickupOf = (delivery: string | null): string | null =>
  delivery?.startsWith('pickup:') ? delivery.slice(7) : null

const CARRIERS: [RegExp, string][] = [
  [/^SF/i, '顺丰'],
  [/^YT/i, '圆通'],
  [/^(ZTO|ZT)/i, '中通'],
  [/^STO/i, '申通'],
  [/^YD/i, '韵达'],
  [/^JDV?/i, '京东'],
  [/^JT/i, '极兔'],
  [/^(DPK|DB)/i, '德邦'],
  [/^(EMS|E[A-Z]\d)/i, 'EMS'],
]
const CARRIER_WORDS = ['顺丰', '圆通', '中通', '申通', '韵达', '京东', '极兔', '德邦', '邮政', 'EMS']

/** The carrier a tracking number's prefix gives away, or null. */
export function carrierOf(tracking: string): string | null {
  for (const [re, name] of CARRIERS) if (re.test(tracking)) return name
  return null
}

const TRACKING = /^[A-Za-z]{0,4}\d[A-Za-z0-9-]{5,29}$/

export type ShipLine = { name: string; carrier: string | null; tracking: string }
export type ShipParse = { lines: ShipLine[]; bad: string[] }

/** `Lily SF1234567890`, `Lily 顺丰 SF1234567890`, or CSV `Lily,SF1234567890[,顺丰]`, one per line. */
export function parseShipLines(text: string): ShipParse {
  const out: ShipParse = { lines: [], bad: [] }
  for (const raw of normalize(text).split('\n')) {
    const line = raw.trim()
    if (line === '') continue
    const fields = (/[,\t]/.test(line) ? line.split(/\s*[,\t]\s*/) : line.split(/\s+/))
      .map((f) => f.replace(/^"|"$/g, '').trim())
      .filter(Boolean)
    if (fields.length > 0 && /^(name|member|姓名|昵称|成员|名字)$/i.test(fields[0])) continue
    const ti = fields
      .map((f, i) => (TRACKING.test(f) ? i : -1))
      .filter((i) => i > 0)
      .pop()
    if (ti === undefined) {
      out.bad.push(line)
      continue
    }
    const tracking = fields[ti]
    const rest = fields.filter((_, i) => i !== ti)
    const ci = rest.findIndex((f, i) => i > 0 && CARRIER_WORDS.some((c) => f.toUpperCase().startsWith(c)))
    const carrier = ci >= 0 ? rest[ci].replace(/快递|速运|速递$/g, '') || rest[ci] : carrierOf(tracking)
    const name = rest
      .filter((_, i) => i !== ci)
      .join(' ')
      .replace(/^@/, '')
    if (name === '') out.bad.push(line)
    else out.lines.push({ name, carrier, tracking })
  }
  return out
}
