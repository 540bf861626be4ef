// Time drives the engine's own work (deadlines, countdowns, digests) and the sender.
// The same stepping runs on virtual time (replay, tests) and on the wall clock (live).
import type { Engine } from './engine.js'
import type { Sender } from './sender.js'

export interface Clock {
  now(): number
}

export class VirtualClock implements Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t
  }
  set(t: number): void {
    if (t > this.t) this.t = t
  }
}

export class Runtime {
  constructor(
    readonly engine: Engine,
    readonly sender: Sender,
  ) {}

  nextDue(alerts = true): number | null {
    const a = this.engine.nextDue(alerts)
    const b = this.sender.nextDue()
    if (a === null) return b
    if (b === null) return a
    return Math.min(a, b)
  }

  /** Run everything due at or before `t`, in time order, moving the virtual clock along. */
  async advanceTo(clock: VirtualClock, t: number): Promise<void> {
    for (let guard = 0; guard < 1_000_000; guard++) {
      const due = this.nextDue()
      if (due === null || due > t) break
      const at = Math.max(due, clock.now())
      clock.set(at)
      await this.engine.runDue(at)
      await this.sender.flush(at)
    }
    clock.set(t)
  }

  /**
   * Run on only as far as it takes to send pending output (digests and the outbox), and stop
   * short of the engine's next deadline, countdown or job: output that could only go out at or
   * after it stays unsent. Passing that work without running it would close a sale late, as if
   * the bot had been offline; running it is for advanceTo, when time is asked to pass.
   */
  async drain(clock: VirtualClock, horizonMs = 24 * 3600_000): Promise<void> {
    await this.advanceTo(clock, clock.now())
    const stopAt = clock.now() + horizonMs
    for (let guard = 0; guard < 1_000_000; guard++) {
      const due = this.nextDue(false)
      const work = this.engine.nextWorkDue()
      if (due === null || due > stopAt || (work !== null && due >= work)) break
      await this.advanceTo(clock, due)
    }
  }
}

/** The live loop: sleep until the next due moment (at most a minute, so clock jumps and long waits are safe). */
export function runLive(
  runtime: Runtime,
  clock: Clock,
  onError: (err: unknown) => void,
): { stop(): void; poke(): void } {
  let timer: NodeJS.Timeout | null = null
  let running = false
  let stopped = false
  let poked = false
  const tick = async () => {
    if (running || stopped) return
    running = true
    try {
      const now = clock.now()
      await runtime.engine.runDue(now)
      await runtime.sender.flush(now)
      await runtime.engine.maintain(now)
    } catch (err) {
      onError(err)
    } finally {
      running = false
      schedule()
    }
  }
  const schedule = () => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    const due = runtime.nextDue()
    const wait = due === null ? 60_000 : Math.min(60_000, Math.max(0, due - clock.now()))
    timer = setTimeout(tick, wait)
  }
  schedule()
  return {
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
    },
    /** call after handling a message: the outbox may have new work. A burst of messages
     * costs one re-schedule, not one per message. */
    poke() {
      if (poked || stopped) return
      poked = true
      setImmediate(() => {
        poked = false
        if (!running) schedule()
      })
    },
  }
}
