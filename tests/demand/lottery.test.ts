// The lottery draw is a documented algorithm anyone can re-run: these expectations were
// computed with the Python snippet in src/core/lottery.ts, not with this code.
import { describe, expect, it } from 'vitest'
import { codePointCompare, drawOrder, makeSeed } from '../../src/core/lottery.js'

const e = (name: string, variant = '') => ({ name, variant })

describe('drawOrder', () => {
  it('matches the Python re-run', () => {
    expect(drawOrder([e('Lily'), e('Tom'), e('Ann'), e('Bob'), e('Dan')], 'a0466a056e60')).toEqual([
      e('Lily'),
      e('Tom'),
      e('Ann'),
      e('Bob'),
      e('Dan'),
    ])
    const entries = [e('张三', '大果'), e('张三', '小果'), e('Lily'), e('阿May'), e('😀emoji'), e('Zed'), e('bob')]
    expect(drawOrder(entries, 'seed-42')).toEqual([
      e('Zed'),
      e('阿May'),
      e('Lily'),
      e('😀emoji'),
      e('张三', '大果'),
      e('张三', '小果'),
      e('bob'),
    ])
  })

  it('does not depend on the order entries arrived in', () => {
    const entries = Array.from({ length: 50 }, (_, i) => e(`成员${i}`))
    const a = drawOrder(entries, 's')
    expect(drawOrder([...entries].reverse(), 's')).toEqual(a)
    expect(drawOrder(entries, 't')).not.toEqual(a)
    expect([...a].sort((x, y) => codePointCompare(x.name, y.name))).toEqual(
      [...entries].sort((x, y) => codePointCompare(x.name, y.name)),
    )
  })

  it('one entry or none', () => {
    expect(drawOrder([e('a')], 'x')).toEqual([e('a')])
    expect(drawOrder([], 'x')).toEqual([])
  })

  it('compares code points, not UTF-16 units (as Python does)', () => {
    // U+FF5E sorts before U+1F600 by code point, after it by UTF-16 unit
    expect(codePointCompare('～', '😀')).toBeLessThan(0)
    expect('～' < '😀').toBe(false)
  })

  it('seeds are short, fixed by what identifies the sale', () => {
    expect(makeSeed(['烘焙同好群', 1, 1, 1764554405000])).toMatch(/^[0-9a-f]{12}$/)
    expect(makeSeed(['烘焙同好群', 1])).toBe(makeSeed(['烘焙同好群', 1]))
    expect(makeSeed(['烘焙同好群', 1])).not.toBe(makeSeed(['烘焙同好群', 2]))
  })
})
