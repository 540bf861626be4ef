// Clocks for tests that run on real time (a live Wechaty on puppet-mock). The bot's own
// reading of the time is pinned to a weekday afternoon in China, so quiet hours
// (23:00–08:00) never hold what a test waits for, whatever the machine's hour or zone.
import type { Clock } from '../../src/engine/runtime.js'

/** 2026-12-02 14:00 in Asia/Shanghai: outside the default quiet hours. */
export const AFTERNOON_CN = Date.parse('2026-12-02T14:00:00+08:00')

/** A clock that starts at `start` and then moves with real time. */
export function runningClock(start = AFTERNOON_CN): Clock {
  const t0 = Date.now()
  return { now: () => start + (Date.now() - t0) }
}

/** Wait on real time for a condition, polling every 20 ms. */
export async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}
