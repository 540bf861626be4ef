// The puppet retries fast when the network is down and emits the same error again and again:
// each kind of error is logged once a minute, with how many repeats were skipped. The map of
// kinds is bounded: kinds not seen for an hour are forgotten, and it never holds more than
// MAX_KINDS (an error text that embeds a counter or a time would otherwise grow it forever).

const WINDOW_MS = 60_000
const FORGET_MS = 3600_000
const MAX_KINDS = 200

export class ErrorThrottle {
  private readonly seen = new Map<string, { at: number; skipped: number }>()

  /** Whether to log this error now, and how many of its kind were skipped since the last log. */
  check(key: string, now: number): { log: boolean; repeats: number } {
    const k = key.slice(0, 200)
    const s = this.seen.get(k)
    if (s && now - s.at < WINDOW_MS) {
      s.skipped++
      return { log: false, repeats: s.skipped }
    }
    if (!s && this.seen.size >= MAX_KINDS) this.prune(now, true)
    this.seen.set(k, { at: now, skipped: 0 })
    return { log: true, repeats: s?.skipped ?? 0 }
  }

  /** Forget kinds not logged for an hour; when full, also the oldest half. */
  prune(now: number, full = false): void {
    for (const [k, s] of this.seen) if (now - s.at >= FORGET_MS) this.seen.delete(k)
    if (full && this.seen.size >= MAX_KINDS) {
      const oldest = [...this.seen].sort((a, b) => a[1].at - b[1].at).slice(0, Math.ceil(MAX_KINDS / 2))
      for (const [k] of oldest) this.seen.delete(k)
    }
  }

  get size(): number {
    return this.seen.size
  }
}
