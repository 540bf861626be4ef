// The live adapter logs each kind of puppet error once a minute, and the memory of kinds stays small.
import { describe, expect, it } from 'vitest'
import { ErrorThrottle } from '../../src/adapters/errorThrottle.js'

describe('puppet error throttle', () => {
  it('logs a kind once a minute with the repeats it skipped', () => {
    const th = new ErrorThrottle()
    expect(th.check('ECONNRESET', 0)).toEqual({ log: true, repeats: 0 })
    expect(th.check('ECONNRESET', 1000).log).toBe(false)
    expect(th.check('ECONNRESET', 2000).log).toBe(false)
    expect(th.check('ECONNRESET', 61_000)).toEqual({ log: true, repeats: 2 })
  })

  it('ten thousand distinct error texts (a counter in the message) do not grow it without bound', () => {
    const th = new ErrorThrottle()
    for (let i = 0; i < 10_000; i++) th.check(`retry #${i} failed`, i * 10)
    expect(th.size).toBeLessThanOrEqual(200)
  })

  it('kinds not seen for an hour are forgotten by prune', () => {
    const th = new ErrorThrottle()
    th.check('a', 0)
    th.check('b', 3_000_000)
    th.prune(3_700_000)
    expect(th.size).toBe(1)
  })
})
