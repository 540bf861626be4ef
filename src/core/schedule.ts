// Pure timing rules: quiet hours and countdowns. Times are epoch ms; wall clock
// questions are answered in the group's time zone.

const MINUTE = 60_000

// building a formatter is costly (start-up recovery builds many); one per zone is enough
const clockFormats = new Map<string, Intl.DateTimeFormat>()

/** Minutes since local midnight in `tz`. */
export function minuteOfDay(ms: number, tz: string): number {
  let f = clockFormats.get(tz)
  if (!f)
    clockFormats.set(
      tz,
      (f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })),
    )
  const parts = f.formatToParts(new Date(ms))
  const h = Number(parts.find((p) => p.type === 'hour')!.value)
  const m = Number(parts.find((p) => p.type === 'minute')!.value)
  return h * 60 + m
}

export function parseHm(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim())
  if (!m) return null
  const h = Number(m[1]),
    min = Number(m[2])
  return h < 24 && min < 60 ? h * 60 + min : null
}

export type Quiet = { start: string; end: string; tz: string }

export function isQuiet(ms: number, q: Quiet): boolean {
  const s = parseHm(q.start),
    e = parseHm(q.end)
  if (s === null || e === null || s === e) return false
  const now = minuteOfDay(ms, q.tz)
  return s < e ? now >= s && now < e : now >= s || now < e
}

/** The first moment at or after `ms` that is outside quiet hours. */
export function quietEnd(ms: number, q: Quiet): number {
  if (!isQuiet(ms, q)) return ms
  const e = parseHm(q.end)!
  const now = minuteOfDay(ms, q.tz)
  const minutes = (e - now + 24 * 60) % (24 * 60)
  // land on the start of the minute the quiet hours end
  return ms - (ms % MINUTE) + minutes * MINUTE
}

export function parseOffsets(s: string): number[] {
  return s
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => b - a)
}

export type CountdownStep = {
  /** the countdown to post now (minutes before the deadline), if any */
  send: number | null
  /** offsets now handled (sent, superseded or stale) */
  done: number[]
  /** when the sale next needs attention: the next countdown, or the deadline */
  nextAt: number
}

/**
 * Decide what a sale's countdowns need at `now`. Only the most imminent due countdown
 * is posted: after downtime or quiet hours an older one is never sent late, and nothing
 * goes out after the deadline. `staleMs` bounds how late a countdown may still go out.
 */
export function countdownStep(
  deadline: number,
  offsets: number[],
  done: number[],
  now: number,
  q: Quiet,
  staleMs: number,
): CountdownStep {
  const pending = offsets.filter((o) => !done.includes(o))
  const due = pending.filter((o) => deadline - o * MINUTE <= now)
  const handled = [...done]
  let send: number | null = null
  if (due.length > 0 && now < deadline) {
    const latest = Math.min(...due)
    const dueAt = deadline - latest * MINUTE
    if (isQuiet(now, q)) {
      // held: decide again when the quiet hours end, if that is still before the deadline
      const wake = quietEnd(now, q)
      if (wake < deadline) return { send: null, done: handled, nextAt: wake }
    } else if (now - dueAt <= staleMs || isQuietDelayed(dueAt, now, q)) {
      send = latest
    }
    handled.push(...due)
  } else if (due.length > 0) {
    handled.push(...due)
  }
  const rest = offsets.filter((o) => !handled.includes(o)).map((o) => deadline - o * MINUTE)
  const nextAt = Math.min(deadline, ...rest.filter((t) => t > now))
  return { send, done: handled, nextAt }
}

/** True when a countdown was due inside quiet hours that ended just now: held, not stale. */
function isQuietDelayed(dueAt: number, now: number, q: Quiet): boolean {
  return isQuiet(dueAt, q) && quietEnd(dueAt, q) <= now && now - quietEnd(dueAt, q) < MINUTE
}
