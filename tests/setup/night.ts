// The "night" run: the process's wall clock reads 02:00 in China (inside quiet hours), the
// way CI sees it when work is submitted at night. Time still flows; only the reading moves,
// as Debian's faketime would move it. Tests that take their time from the wall clock instead
// of an injected clock fail here.
const Real = Date
const HOUR = 3600_000
const shanghaiNow = Real.now() + 8 * HOUR
const target = shanghaiNow - (shanghaiNow % (24 * HOUR)) + 2 * HOUR - 8 * HOUR + 24 * HOUR
const offset = target - Real.now()

class NightDate extends Real {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(Real.now() + offset)
    else super(...(args as [number]))
  }
  static now(): number {
    return Real.now() + offset
  }
}
globalThis.Date = NightDate as DateConstructor
