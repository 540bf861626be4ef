// Price tiers (阶梯价) for members and a supplier's price ladder share one shape:
// from `from` units on, each unit costs `fen`. Pure: plain values in and out.
import { normalize } from './text.js'
import { parseMoney, UNIT_WORDS } from './quantity.js'

export type Tier = { from: number; fen: number }

const MAX_UNITS = 100_000
const MAX_FEN = 100_000 * 100
const UNIT = `(?:${[...UNIT_WORDS].sort((a, b) => b.length - a.length).join('|')})`
// '20份 59', '20份59元', '满20份 ¥59', '30份起45', '30起45', '20份:59/盒'
const STEP = new RegExp(
  `^[\\s,;、]*满?\\s*(\\d{1,6})\\s*${UNIT}?\\s*(?:起|以上)?\\s*[:=]?\\s*(¥?\\s*\\d{1,9}(?:\\.\\d{1,2})?\\s*(?:元|块)?)(?:\\s*/\\s*${UNIT})?(?=[\\s,;、]|$)`,
)

/**
 * '20份 59, 40份 55, 60份 52' → steps ascending by units. `strict` (member tiers) also
 * requires each step to be cheaper than the one before; a supplier ladder may repeat a price.
 */
export function parseLadder(value: string, strict: boolean): Tier[] | null {
  let s = normalize(value)
    .replace(/[，；]/g, ',')
    .trim()
  const out: Tier[] = []
  while (s.replace(/[\s,;、]+/g, '') !== '') {
    const m = STEP.exec(s)
    if (!m) return null
    const from = Number(m[1])
    const fen = parseMoney(m[2].replace(/\s+/g, ''))
    if (from < 1 || from > MAX_UNITS || fen === null || fen <= 0 || fen > MAX_FEN) return null
    const prev = out[out.length - 1]
    if (prev && (from <= prev.from || fen > prev.fen || (strict && fen === prev.fen))) return null
    out.push({ from, fen })
    s = s.slice(m[0].length)
  }
  return out.length > 0 ? out : null
}

/** Member tiers must also be below the sale's own price. */
export function parseTiers(value: string, baseFen: number | null): Tier[] | null {
  const tiers = parseLadder(value, true)
  if (!tiers || tiers.length > 10) return null
  if (baseFen !== null && tiers[0].fen >= baseFen) return null
  return tiers
}

/** The step reached by `units` (null below the first step: the sale's own price applies). */
export function tierAt(tiers: Tier[], units: number): Tier | null {
  let hit: Tier | null = null
  for (const t of tiers) if (units >= t.from) hit = t
  return hit
}

/** The next step above `units` and how many units are missing to reach it. */
export function nextTier(tiers: Tier[], units: number): { tier: Tier; left: number } | null {
  const t = tiers.find((x) => x.from > units)
  return t ? { tier: t, left: t.from - units } : null
}

/** The sale's unit price at `units`. */
export function priceAt(tiers: Tier[], baseFen: number, units: number): number {
  return tierAt(tiers, units)?.fen ?? baseFen
}

/**
 * A variant priced apart from the sale gets the same reduction per unit as the sale's
 * price, so 大果 69 with 价格 59 → 52 costs 62. Never below 1 fen.
 */
export function itemPriceAt(itemFen: number, baseFen: number, saleFen: number): number {
  return Math.max(1, itemFen - (baseFen - saleFen))
}

/** A supplier's cost per unit for an order of `qty` (the first step's price below it). */
export function ladderCost(ladder: Tier[], qty: number): number | null {
  if (ladder.length === 0) return null
  return tierAt(ladder, qty)?.fen ?? ladder[0].fen
}

export const tiersFromJson = (json: string | null | undefined): Tier[] => {
  if (!json) return []
  try {
    const v = JSON.parse(json)
    return Array.isArray(v) ? v.filter((t) => Number.isInteger(t?.from) && Number.isInteger(t?.fen)) : []
  } catch {
    return []
  }
}
