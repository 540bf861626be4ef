// Deadlines are typed as wall-clock time in the group's time zone, while the
// bot may run anywhere (often a UTC server). Everything here converts between
// the zone's wall time and epoch ms explicitly, so process.env.TZ never matters.
// the two locales only: the package's main entry loads every locale (~0.6 s at start-up)
import * as zh from 'chrono-node/zh'
import * as en from 'chrono-node/en'
import { normalize } from './text.js'
import { CN_NUMERAL_CHARS, parseCount } from './quantity.js'

const DEFAULT_TZ = 'Asia/Shanghai'
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const MAX_DURATION = 60 * DAY
const MAX_INPUT = 100

type Wall = { y: number; mo: number; d: number; h: number; mi: number }
type Clock = { h: number; mi: number }

// A date without a time of day ('周五', '12月4日') means until the end of that day.
const END_OF_DAY: Clock = { h: 23, mi: 59 }

// ---------------------------------------------------------------- time zones

const formatters = new Map<string, Intl.DateTimeFormat>()

function wallOf(ms: number, tz: string): Wall & { s: number } {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(tz, f)
  }
  const p: Record<string, number> = {}
  for (const part of f.formatToParts(ms)) p[part.type] = Number(part.value)
  return { y: p.year, mo: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second }
}

function offsetAt(ms: number, tz: string): number {
  const w = wallOf(ms, tz)
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000
}

/** Epoch ms of a wall time in tz (hours past 23 roll over into the next day). */
function epochOf(w: Wall, tz: string): number {
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi)
  const first = asUtc - offsetAt(asUtc, tz)
  // A second pass settles the offset when the first guess crossed a DST change.
  return asUtc - offsetAt(first, tz)
}

function addDays(y: number, mo: number, d: number, n: number): { y: number; mo: number; d: number } {
  const t = new Date(Date.UTC(y, mo - 1, d + n))
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

function isValidDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate()
}

// ---------------------------------------------------------------- durations

const CN = CN_NUMERAL_CHARS
const DURATION_PART = new RegExp(
  `^(?:(\\d{1,6}(?:\\.\\d{1,3})?|[${CN}]+)\\s*(个)?\\s*(半)?|(半)\\s*(个)?)\\s*` +
    `(天|日|小时|钟头|钟|分钟|分|星期|礼拜|周|秒钟|秒|days?|d|hours?|hrs?|h|minutes?|mins?|m|weeks?|w|seconds?|secs?|s)(?![a-z])\\s*(半)?`,
  'i',
)

const SECOND_UNIT = /^(秒钟|秒|s|secs?|seconds?)$/i

function unitMs(unit: string): number {
  const u = unit.toLowerCase()
  if (SECOND_UNIT.test(u)) return 1000
  if (/^(天|日|d|days?)$/.test(u)) return DAY
  if (/^(小时|钟头|钟|h|hrs?|hours?)$/.test(u)) return HOUR
  if (/^(星期|礼拜|周|w|weeks?)$/.test(u)) return 7 * DAY
  return MINUTE
}

/**
 * A span of time such as 2小时, 1天半, 90m. Seconds (20s, 20秒) only when `seconds` is set:
 * a sale measured in seconds is a typo, while the simulator's `:wait 20s` is not.
 */
export function parseDuration(text: string, opts: { seconds?: boolean } = {}): number | null {
  let s = normalize(text).trim()
  if (s === '' || s.length > MAX_INPUT) return null
  let total = 0
  while (s !== '') {
    const m = DURATION_PART.exec(s)
    if (!m) return null
    const [whole, num, , halfAfterNum, halfAlone, , unit, halfAfterUnit] = m
    const n = num === undefined ? 0 : /^\d/.test(num) ? Number(num) : parseCount(num)
    if (n === null) return null
    const halves = [halfAfterNum, halfAlone, halfAfterUnit].filter(Boolean).length
    if (halves > 1) return null
    if (!opts.seconds && SECOND_UNIT.test(unit)) return null
    total += (n + halves * 0.5) * unitMs(unit)
    s = s.slice(whole.length).replace(/^零/, '')
  }
  const ms = Math.round(total)
  return ms > 0 && ms <= MAX_DURATION ? ms : null
}

// ---------------------------------------------------------------- time of day

const EVENING = new Set(['晚', '晚上', '晚间', '傍晚', '夜', '夜里', '夜间', '半夜'])
const AFTERNOON = new Set(['下午', '午后'])
const MORNING = new Set(['凌晨', '早', '早上', '早晨', '清晨', '上午'])
const PERIOD = /^(凌晨|早上|早晨|清晨|上午|早|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|半夜|晚|夜)?/
const NUMERIC_CLOCK = /^(\d{1,2}):(\d{2})(?::\d{2})?$/
const CHINESE_CLOCK = new RegExp(
  `^(\\d{1,2}|[${CN}]+)\\s*[点时]\\s*(?:(半)|(一刻)|(三刻)|(\\d{1,2}|[${CN}]+)\\s*分?)?\\s*整?$`,
)

/**
 * '20:00', '8点半', '晚上8点', '中午12点'. Returns undefined when there is no
 * time at all (date-only deadline), null when there is one but it is invalid.
 * Hours may exceed 23 ('晚上12点' = 24:00): epochOf rolls them into the next day.
 */
function parseClock(text: string, impliedPeriod?: string): Clock | null | undefined {
  const pm = PERIOD.exec(text) as RegExpExecArray
  const period = pm[1] ?? impliedPeriod
  const t = text.slice(pm[0].length).trim()
  if (t === '') {
    if (pm[1] === '中午') return { h: 12, mi: 0 }
    return pm[1] ? null : undefined
  }
  let h: number | null
  let mi: number | null
  const num = NUMERIC_CLOCK.exec(t)
  const cn = num ? null : CHINESE_CLOCK.exec(t)
  if (num) {
    h = Number(num[1])
    mi = Number(num[2])
  } else if (cn) {
    h = parseCount(cn[1])
    mi = cn[2] ? 30 : cn[3] ? 15 : cn[4] ? 45 : cn[5] ? parseCount(cn[5]) : 0
  } else return null
  if (h === null || mi === null || h > 24 || mi > 59 || (h === 24 && mi > 0)) return null

  if (period && EVENING.has(period)) {
    // 晚上8点 = 20:00, 晚上12点 = midnight at the end of the day, 今晚2点 = the small hours after tonight.
    if (h === 12) h = 24
    else if (h < 5) h += 24
    else if (h < 12) h += 12
  } else if (period && AFTERNOON.has(period)) {
    if (h < 12) h += 12
  } else if (period === '中午') {
    if (h < 3) h += 12
  } else if (period && MORNING.has(period)) {
    if (h > 12) return null
    if (period === '凌晨' && h === 12) h = 0
  }
  return { h, mi }
}

// ---------------------------------------------------------------- deadlines

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/i
const RELATIVE = /^(.+?)\s*(?:以后|之后|后|以内|之内|内)$/
const TRAILING_WORDS = /\s*(?:之前|以前|前|截止|为止|结束|止)$/
const FULL_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*(?:T\s*)?(.*)$/i
const MONTH_DAY = /^(\d{1,2})\s*(?:[-/]|月)\s*(\d{1,2})\s*[日号]?\s*(.*)$/
const DAY_WORD = /^(大后天|后天|明天|明日|明晚|明早|明夜|今天|今日|今晚|今早|今夜)\s*(.*)$/
const WEEKDAY = /^(下下个?|下个?|这个?|本)?\s*(?:周|星期|礼拜)([一二三四五六日天1-7])\s*(.*)$/

const DAY_OFFSET: Record<string, number> = { 今: 0, 明: 1, 后: 2, 大: 3 }
const WEEKDAY_INDEX: Record<string, number> = {
  日: 0,
  天: 0,
  7: 0,
  一: 1,
  1: 1,
  二: 2,
  2: 2,
  三: 3,
  3: 3,
  四: 4,
  4: 4,
  五: 5,
  5: 5,
  六: 6,
  6: 6,
}

export function parseDeadline(text: string, now: number, tz: string = DEFAULT_TZ): number | null {
  const s = normalize(text).replace(/\s+/g, ' ').trim()
  if (s === '' || s.length > MAX_INPUT || !Number.isFinite(now)) return null
  // a minus sign never makes a deadline (`-2h` is not two hours from now)
  if (s.includes('-') && !/\d-\d/.test(s)) return null
  if (ISO_WITH_OFFSET.test(s)) {
    const ms = Date.parse(s.replace(' ', 'T'))
    return Number.isNaN(ms) ? null : ms
  }
  const core = s.replace(TRAILING_WORDS, '')
  const rel = RELATIVE.exec(core)
  if (rel) {
    const d = parseDuration(rel[1])
    if (d !== null) return now + d
  }
  // a bare span (`2h`, `30分钟`) means that long from now, as in 2小时后
  const span = parseDuration(core)
  if (span !== null) return now + span
  const at = explicitForm(core, now, tz) ?? viaChrono(core, now, tz)
  // more than a year ahead is a typo, not a flash sale
  return at !== null && at - now > MAX_AHEAD_MS ? null : at
}

const MAX_AHEAD_MS = 366 * 24 * 3600_000

function explicitForm(s: string, now: number, tz: string): number | null {
  const today = wallOf(now, tz)
  const at = (y: number, mo: number, d: number, c: Clock) => epochOf({ y, mo, d, h: c.h, mi: c.mi }, tz)
  let m: RegExpExecArray | null

  if ((m = FULL_DATE.exec(s))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const c = parseClock(m[4])
    if (c === null || !isValidDate(y, mo, d)) return null
    return at(y, mo, d, c ?? END_OF_DAY)
  }
  if ((m = MONTH_DAY.exec(s))) {
    const [mo, d] = [Number(m[1]), Number(m[2])]
    const c = parseClock(m[3])
    if (c === null) return null
    // No year: the next such date that is not already over (Feb 29 may skip years).
    for (let y = today.y; y <= today.y + 8; y++) {
      if (!isValidDate(y, mo, d)) continue
      const t = at(y, mo, d, c ?? END_OF_DAY)
      if (t >= now) return t
    }
    return null
  }
  if ((m = DAY_WORD.exec(s))) {
    const implied = /晚|夜/.test(m[1]) ? '晚' : /早/.test(m[1]) ? '早' : undefined
    const c = parseClock(m[2], implied)
    if (c === null) return null
    const day = addDays(today.y, today.mo, today.d, DAY_OFFSET[m[1][0]])
    return at(day.y, day.mo, day.d, c ?? END_OF_DAY)
  }
  if ((m = WEEKDAY.exec(s))) {
    const c = parseClock(m[3])
    if (c === null) return null
    const clock = c ?? END_OF_DAY
    const target = WEEKDAY_INDEX[m[2]]
    const wd = new Date(Date.UTC(today.y, today.mo - 1, today.d)).getUTCDay()
    const prefix = m[1] ?? ''
    if (prefix === '') {
      // Plain '周五' is the coming Friday: today if the time is still ahead, else next week.
      let delta = (target - wd + 7) % 7
      let day = addDays(today.y, today.mo, today.d, delta)
      if (at(day.y, day.mo, day.d, clock) < now) {
        delta += 7
        day = addDays(today.y, today.mo, today.d, delta)
      }
      return at(day.y, day.mo, day.d, clock)
    }
    // 本周/下周/下下周 count calendar weeks starting on Monday, the Chinese convention.
    const weeks = prefix.startsWith('下下') ? 2 : prefix.startsWith('下') ? 1 : 0
    const monday = -((wd + 6) % 7)
    const day = addDays(today.y, today.mo, today.d, monday + 7 * weeks + ((target + 6) % 7))
    return at(day.y, day.mo, day.d, clock)
  }
  const c = parseClock(s)
  if (c) {
    // A bare time of day is its next occurrence.
    const todayAt = at(today.y, today.mo, today.d, c)
    if (todayAt >= now) return todayAt
    const tomorrow = addDays(today.y, today.mo, today.d, 1)
    return at(tomorrow.y, tomorrow.mo, tomorrow.d, c)
  }
  return null
}

/**
 * chrono-node covers wordings we do not (十二月四号下午三点, English). Its zh
 * parsers compute in the process's local zone, so we hand it a reference Date
 * whose LOCAL fields are the group's wall time and read back wall components.
 * Only results that consume the whole text are trusted.
 */
function viaChrono(s: string, now: number, tz: string): number | null {
  const w = wallOf(now, tz)
  const ref = new Date(w.y, w.mo - 1, w.d, w.h, w.mi, w.s)
  for (const parser of [zh.casual, en.casual]) {
    const [r] = parser.parse(s, ref, { forwardDate: true })
    if (!r || r.index !== 0 || r.text.length !== s.length) continue
    const c = r.start
    // always read wall components: the reference Date carries the group's wall time in the
    // process's zone, so c.date() would be off by the difference between the two zones
    const y = c.get('year')
    const mo = c.get('month')
    const d = c.get('day')
    if (y === null || mo === null || d === null) continue
    const clock = c.isCertain('hour') ? { h: c.get('hour') ?? 0, mi: c.get('minute') ?? 0 } : END_OF_DAY
    return epochOf({ y, mo, d, ...clock }, tz)
  }
  return null
}

// ---------------------------------------------------------------- formatting

const pad = (n: number) => String(n).padStart(2, '0')

export function formatTime(ms: number, now: number, tz: string = DEFAULT_TZ): string {
  const w = wallOf(ms, tz)
  const year = w.y !== wallOf(now, tz).y ? `${w.y}年` : ''
  return `${year}${w.mo}月${w.d}日 ${pad(w.h)}:${pad(w.mi)}`
}

export function formatDuration(ms: number): string {
  if (!(ms >= MINUTE)) return '不到1分钟'
  const minutes = Math.floor(ms / MINUTE)
  const days = Math.floor(minutes / (24 * 60))
  const hours = Math.floor((minutes % (24 * 60)) / 60)
  const mins = minutes % 60
  if (days > 0) return `${days}天${hours ? `${hours}小时` : ''}`
  if (hours > 0) return `${hours}小时${mins ? `${mins}分钟` : ''}`
  return `${mins}分钟`
}
