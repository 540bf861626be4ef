// A group of hundreds: no message longer than 1,500 characters, long lists folded into at most
// three parts with the whole list privately to the owner, and nobody is @everyone.
import { describe, expect, it } from 'vitest'
import { at, group, run, say, type In } from '../harness.js'

const MAX = 1500
const len = (s: string) => [...s].length
const crowd = Array.from({ length: 300 }, (_, i) => `成员${String(i).padStart(3, '0')}号`)

describe('message size', () => {
  it('a close summary of 300 members is at most 3 group messages of ≤1,500 characters; the owner gets it all privately', async () => {
    const lines: In[] = [
      group(at('10:00'), ['阿May', ...crowd]),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 59\n截止: 今晚8点'),
      ...crowd.map((name, i) =>
        say(
          at(`10:${String(1 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`),
          name,
          `+${1 + (i % 3)}`,
        ),
      ),
      say(at('11:00'), '阿May', '截单'),
    ]
    const { out } = await run(lines)
    for (const o of out) expect(len(o.text)).toBeLessThanOrEqual(MAX)
    const close = out.filter((o) => o.room && o.at >= '2026-12-01T11:00' && !o.text.startsWith('【'))
    expect(close[0].text).toContain('已截单')
    expect(close.length).toBeLessThanOrEqual(3)
    expect(close.at(-1)!.text).toMatch(/还有 \d+ 条未列出，完整名单已私信团长/)
    // the owner's private copy names every buyer
    const privately = out
      .filter((o) => o.to === '阿May')
      .map((o) => o.text)
      .join('\n')
    for (const name of crowd) expect(privately).toContain(name)
    // the group's @s are only names that its parts show
    for (const o of close) for (const m of o.mentions) expect(o.text).toContain(`@${m}`)
  })

  it('a member named 所有人 or @all is never written with a leading @', async () => {
    const { out } = await run([
      group(at('10:00'), ['阿May', '所有人', '@all', 'Lily']),
      say(at('10:00'), '阿May', '/launch 蓝莓\n价格: 59\n限量: 2\n截止: 今晚8点'),
      say(at('10:01'), '所有人', '+1'),
      say(at('10:01:05'), '@all', '+1'),
      say(at('10:01:10'), 'Lily', '+1'),
      say(at('10:02'), '阿May', '截单'),
    ])
    const all = out.map((o) => o.text).join('\n')
    expect(all).toContain('所有人')
    expect(all).not.toMatch(/[@＠]\s*(所有人|all)/i)
    for (const o of out) expect(o.mentions.filter((m) => /所有人|all/i.test(m))).toEqual([])
  })
})
