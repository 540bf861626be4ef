// A 接龙 is read up to WeChat's own 500 entries, once, and a re-post of hundreds of lines is
// diffed in linear time.
import { describe, expect, it } from 'vitest'
import { diffByOwner, parseChain, MAX_ENTRIES, type OwnedLine } from '../../src/core/chain.js'
import { at, group, run, say, inRoom } from '../harness.js'

// names without digits (a digit would read as the quantity)
const name = (i: number) => `张${String.fromCharCode(0x5000 + i)}`
const list = (n: number) =>
  `#接龙\n团1 丹东草莓\n例 张三 1份\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. ${name(i)} 1份`).join('\n')}`

describe('接龙 limits', () => {
  it('reads at most 500 entries and counts the rest', () => {
    const l = parseChain(list(620))!
    expect(MAX_ENTRIES).toBe(500)
    expect(l.entries).toHaveLength(500)
    expect(l.entries.at(-1)!.content).toBe(`${name(499)} 1份`)
    expect(l.ignored).toBe(120)
  })

  it('a 600-line list registers the first 500; the poster is told once, not at every re-post', async () => {
    const members = ['阿May', 'Lily', ...Array.from({ length: 600 }, (_, i) => name(i))]
    const { out, app } = await run([
      group(at('10:00'), members),
      say(at('10:00'), '阿May', '/launch 丹东草莓\n价格: 128\n截止: 今晚8点'),
      say(at('10:01'), 'Lily', list(600)),
      say(at('10:05'), 'Lily', list(600)),
      say(at('10:10'), 'Lily', list(600)),
    ])
    const units = app.db.$client.prepare('select coalesce(sum(confirmed), 0) from orders').pluck().get()
    expect(units).toBe(500)
    const told = inRoom(out).filter((o) => o.text.includes('接龙最多读取前 500 条，后面 100 条没有登记'))
    expect(told).toHaveLength(1)
    expect(told[0].text).toContain('@Lily')
  })

  it('diffs 50,000 reordered lines in time proportional to their number', () => {
    const prev: OwnedLine[] = Array.from({ length: 50_000 }, (_, i) => ({ owner: '团长', key: `第${i}行` }))
    const next = [...prev].reverse()
    // the best of three runs, so a busy machine's pauses do not decide
    const best = (f: () => void) => {
      let b = Infinity
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now()
        f()
        b = Math.min(b, performance.now() - t0)
      }
      return b
    }
    // the yardstick: counting the lines once, on the same machine under the same load
    const once = best(() => {
      const m = new Map<string, number>()
      for (const l of next) m.set(l.key, (m.get(l.key) ?? 0) + 1)
    })
    let d: ReturnType<typeof diffByOwner> | null = null
    const diff = best(() => {
      d = diffByOwner(prev, next)
    })
    expect(d).toEqual({ owners: [], fresh: [] })
    // counted, the diff is about ten passes over the lines; pair by pair it was over two hundred
    expect(diff / once).toBeLessThan(50)
  })
})
