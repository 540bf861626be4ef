// Intent chains (意向接龙): proposing a product, referring to an intent, and the
// demand package (需求包) an organizer takes to suppliers. Pure.
import { normalize, looseKey } from './text.js'
import { CN_NUMERAL_CHARS, parseMoney, UNIT_WORDS } from './quantity.js'
import { formatTime } from './deadline.js'
import { parseJoin, type JoinIntent } from './join.js'
import { money } from './render.js'
import { t } from '../i18n/zh-CN.js'

export type WantSpec = { title: string; targetPriceFen: number | null; threshold: number | null }
export type WantResult =
  | { ok: true; spec: WantSpec; hasTerms: boolean }
  | { ok: false; code: 'noTitle' | 'titleTooLong' | 'badPrice' | 'badThreshold' | 'question' }
  /** the title is only a quantity ('2份', '两盒', '+2'): not a product */
  | { ok: false; code: 'quantityTitle'; hasTerms: boolean }

export const MAX_INTENT_TITLE = 40
const MAX_THRESHOLD = 100_000

const UNIT = `(?:${[...UNIT_WORDS].sort((a, b) => b.length - a.length).join('|')})`
// '目标价 45', '目标价: 45元', '期望价格45', 'target 45', '¥45'
const PRICE =
  /(?:目标价格?|期望价格?|心理价位?|接受价|价格|(?<![a-z])(?:target(?:\s*price)?|price))\s*:?\s*(¥?\s*\d+(?:\.\d{1,2})?\s*(?:元|块)?)(?:\s*\/\s*\S{1,2})?(?:\s*(?:以内|以下|左右))?/i
const YUAN_SIGN = /¥\s*(\d+(?:\.\d{1,2})?)(?:\s*\/\s*\S{1,2})?/
// '需 30 份', '需要30份', '满30份', '凑够 30', '门槛: 30', 'min 30', '30份成团', '30份起'
const THRESHOLD = new RegExp(
  `(?:需要?|满|凑够?|门槛|起订|(?<![a-z])(?:threshold|min)(?![a-z]))\\s*:?\\s*(\\d+)\\s*(${UNIT}|人)?|(\\d+)\\s*(${UNIT}|人)?\\s*(?:成团|起订|起)`,
  'i',
)
const QUESTION = /[?？吗呢]$/
// a title that is only a quantity form: '2份', '两盒', '+2', 'x2', '2'
const QUANTITY_ONLY = new RegExp(`^(?:[+＋x×*]\\s*)?(?:\\d+|[${CN_NUMERAL_CHARS}]+)\\s*${UNIT}?$`, 'i')

/** `/want 发酵黄油 目标价 45 需 30 份` → title, target price (fen) and threshold (units). */
export function parseWant(rest: string): WantResult {
  let s = normalize(rest).replace(/\s+/g, ' ').trim()
  let targetPriceFen: number | null = null
  let threshold: number | null = null
  let hasTerms = false
  const price = PRICE.exec(s) ?? YUAN_SIGN.exec(s)
  if (price) {
    hasTerms = true
    targetPriceFen = parseMoney(price[1].replace(/\s+/g, ''))
    if (targetPriceFen === null || targetPriceFen <= 0) return { ok: false, code: 'badPrice' }
    s = s.slice(0, price.index) + ' ' + s.slice(price.index + price[0].length)
  }
  const th = THRESHOLD.exec(s)
  if (th) {
    hasTerms = true
    const unit = th[2] ?? th[4]
    const n = Number(th[1] ?? th[3])
    // the threshold counts units; a head count (10人) is not what an intent totals
    if (unit === '人' || !(n >= 1 && n <= MAX_THRESHOLD)) return { ok: false, code: 'badThreshold' }
    threshold = n
    s = s.slice(0, th.index) + ' ' + s.slice(th.index + th[0].length)
  }
  const title = s
    .replace(/[,，。;；、]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (title === '') return { ok: false, code: 'noTitle' }
  if (QUANTITY_ONLY.test(title)) return { ok: false, code: 'quantityTitle', hasTerms }
  if (QUESTION.test(title)) return { ok: false, code: 'question' }
  if ([...title].length > MAX_INTENT_TITLE) return { ok: false, code: 'titleTooLong' }
  return { ok: true, spec: { title, targetPriceFen, threshold }, hasTerms }
}

// '#需求3', '需求3' (需求 starting a word), '#意向3'
const INTENT_REF = /(?:#\s*(?:需求|意向)|(?<![\p{L}\p{N}])(?:需求|意向))\s*(\d{1,4})(?!\d)/u

/** Split an intent reference off a message: '#需求3 +2' → 3 and '+2'. */
export function extractIntentRef(text: string): { ref: number | null; text: string } {
  const s = normalize(text)
  const m = INTENT_REF.exec(s)
  if (!m || Number(m[1]) < 1) return { ref: null, text: s.trim() }
  return {
    ref: Number(m[1]),
    text: (s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length)).replace(/[ \t]+/g, ' ').trim(),
  }
}

/**
 * A join that may name an intent (`#需求3 +2`, `+2 需求3`). Without one, exactly what
 * parseJoin says, so the sale path sees the same values as before intents existed.
 */
export function parseRoutedJoin(text: string): (JoinIntent & { intentRef?: number }) | null {
  const r = extractIntentRef(text)
  if (r.ref === null) return parseJoin(text)
  const j = parseJoin(r.text)
  // a sale number and an intent number in one message: we cannot tell which is meant
  return j && j.saleRef === null ? { ...j, intentRef: r.ref } : null
}

// 'from 3', 'from #3', 'from 需求3', '需求3', '#需求3', '需求 3' — first line of a launch body
const LAUNCH_FROM = /^(?:from\s*#?\s*(?:需求|意向)?|#?\s*(?:需求|意向))\s*(\d{1,4})(?!\d)\s*(.*)$/i

/**
 * `/launch from 3` / `开团 需求3` followed by the usual lines. The title comes from the
 * intent unless the first line goes on with one (`开团 需求3 发酵黄油 200g`).
 */
export function parseLaunchFrom(body: string): { no: number; title: string | null; rest: string } | null {
  const [first, ...rest] = String(body ?? '').split('\n')
  const m = LAUNCH_FROM.exec(normalize(first).trim())
  if (!m) return null
  const title = m[2].trim()
  return { no: Number(m[1]), title: title === '' ? null : title, rest: rest.join('\n') }
}

/** True when a launch body already states a price (so the target price is not filled in). */
export function hasPriceLine(body: string): boolean {
  return normalize(body)
    .split('\n')
    .some((l) => /^\s*(?:价格|price)\s*:/i.test(l))
}

// ------------------------------------------------------------------ totals and packages

export type Commit = { name: string; qty: number; note: string | null; firstAt: number; updatedAt: number }
export type IntentView = {
  no: number
  title: string
  targetPriceFen: number | null
  threshold: number | null
  state: 'open' | 'launched' | 'expired'
  createdAt: number
  provenAt: number | null
  saleNo: number | null
}

export const totalOf = (commits: Commit[]) => commits.reduce((s, c) => s + c.qty, 0)

/** Strength: total intended units, then head count, then the most recent commitment. */
export function byStrength<T extends { commits: Commit[] }>(list: T[]): T[] {
  const last = (c: Commit[]) => Math.max(0, ...c.map((x) => x.updatedAt))
  return [...list].sort(
    (a, b) =>
      totalOf(b.commits) - totalOf(a.commits) ||
      b.commits.length - a.commits.length ||
      last(b.commits) - last(a.commits),
  )
}

/** Words a member added to a commitment (大果, 无盐): what is left of the join once the quantity is read. */
export function noteOf(rest: string): string | null {
  const s = normalize(rest)
    .replace(/[,，。!！~…]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (s === '') return null
  return [...s].slice(0, 20).join('')
}

/** The members' notes counted word by word, most frequent first: '无盐 ×5、大块 ×2'. */
export function noteSummary(commits: Commit[]): { word: string; n: number }[] {
  const counts = new Map<string, { word: string; n: number }>()
  for (const c of commits) {
    for (const w of (c.note ?? '').split(' ').filter(Boolean)) {
      const key = looseKey(w)
      if (key === '') continue
      const e = counts.get(key) ?? { word: w, n: 0 }
      e.n++
      counts.set(key, e)
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)
}

const NAMES_SHOWN = 8
const memberList = (commits: Commit[]) =>
  commits
    .slice(0, NAMES_SHOWN)
    .map((c) => c.name)
    .join('、') + (commits.length > NAMES_SHOWN ? ` 等 ${commits.length} 人` : '')

/** One line of `/demand`. */
export function intentLine(i: IntentView, commits: Commit[]): string {
  const total = totalOf(commits)
  return t('demand.listLine', {
    no: i.no,
    title: i.title,
    total,
    members: commits.length,
    price: i.targetPriceFen === null ? null : money(i.targetPriceFen),
    threshold: i.threshold,
    reached: i.threshold !== null && total >= i.threshold,
    names: commits.length > 0 ? memberList([...commits].sort((a, b) => b.qty - a.qty || a.firstAt - b.firstAt)) : null,
  })
}

/** `/demand 3`: the demand package (需求包). */
export function packageText(i: IntentView, commits: Commit[], now: number, tz: string): string {
  const total = totalOf(commits)
  const lines = [
    t('demand.packageHeader', { no: i.no, title: i.title, state: t(`demand.state.${i.state}`), saleNo: i.saleNo }),
  ]
  lines.push(t('demand.packageTotal', { total, members: commits.length }))
  if (i.targetPriceFen !== null) lines.push(t('demand.packagePrice', { price: money(i.targetPriceFen) }))
  if (i.threshold !== null) {
    lines.push(
      t('demand.packageThreshold', {
        threshold: i.threshold,
        left: Math.max(0, i.threshold - total),
        at: i.provenAt === null ? null : formatTime(i.provenAt, now, tz),
      }),
    )
  }
  if (commits.length > 0) {
    const sorted = [...commits].sort((a, b) => b.qty - a.qty || a.firstAt - b.firstAt)
    lines.push(
      t('demand.packageMembers', {
        list: sorted.map((c) => t('demand.packageMember', { name: c.name, qty: c.qty, note: c.note })).join('、'),
      }),
    )
    const notes = noteSummary(commits)
    if (notes.length > 0)
      lines.push(t('demand.packageNotes', { list: notes.map((n) => `${n.word} ×${n.n}`).join('、') }))
    const first = Math.min(...commits.map((c) => c.firstAt))
    const last = Math.max(...commits.map((c) => c.updatedAt))
    lines.push(t('demand.packageTimes', { first: formatTime(first, now, tz), last: formatTime(last, now, tz) }))
  } else {
    lines.push(t('demand.packageEmpty', { no: i.no }))
  }
  return lines.join('\n')
}

/** Members named in a launch from an intent: @ within the cap, the rest named plainly. */
export function confirmList(commits: Commit[], at: (name: string) => string): string {
  return [...commits]
    .sort((a, b) => a.firstAt - b.firstAt)
    .map((c) => t('demand.confirmMember', { who: at(c.name), qty: c.qty }))
    .join(' ')
}
