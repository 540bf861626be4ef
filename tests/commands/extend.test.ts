// Extending a sale (延长): the deadline, the close and the countdowns move together.
import { describe, expect, it } from 'vitest'
import { at, blueberrySale as sale, closing, countdowns, run, say, texts } from '../harness.js'

describe('extend', () => {
  it.each(['/extend 2h', '延长 2小时', '延长 2 小时', '/extend 今晚10点'])(
    '「%s」 moves the deadline, the close and the countdowns',
    async (cmd) => {
      const { out } = await run([
        ...sale(),
        say(at('10:01'), 'Lily', '+1'),
        { at: at('19:00') },
        say(at('19:30'), '阿May', cmd),
        { at: at('23:00') },
      ])
      expect(out.find((o) => o.text.startsWith('⏳'))).toMatchObject({
        at: '2026-12-01T19:30:00.000+08:00',
        text: '⏳ 团1 蓝莓 截止时间延长到 12月1日 22:00',
      })
      expect(countdowns(out).map((o) => o.at)).toEqual([
        '2026-12-01T19:00:00.000+08:00',
        '2026-12-01T21:00:00.000+08:00',
        '2026-12-01T21:50:00.000+08:00',
      ])
      expect(closing(out).map((o) => o.at)).toEqual(['2026-12-01T22:00:00.000+08:00'])
    },
  )

  it('after the last countdown went out, the countdowns of the new deadline still come', async () => {
    const { out } = await run([
      ...sale(),
      { at: at('19:50') },
      say(at('19:55'), '阿May', '延长 30分钟'),
      { at: at('23:00') },
    ])
    expect(countdowns(out).map((o) => [o.at, o.text.split('！')[0]])).toEqual([
      ['2026-12-01T19:00:00.000+08:00', '⏰ 团1 蓝莓 还有 1小时 截单'],
      ['2026-12-01T19:50:00.000+08:00', '⏰ 团1 蓝莓 还有 10分钟 截单'],
      ['2026-12-01T20:20:00.000+08:00', '⏰ 团1 蓝莓 还有 10分钟 截单'],
    ])
    expect(closing(out).map((o) => o.at)).toEqual(['2026-12-01T20:30:00.000+08:00'])
  })

  it('a member cannot extend; an unreadable span is answered with an example', async () => {
    const { out } = await run([
      ...sale(),
      say(at('10:01'), 'Lily', '延长 2小时'),
      say(at('10:02'), '阿May', '延长 一会儿'),
      { at: at('20:01') },
    ])
    expect(texts(out).slice(1, 3)).toEqual([
      '📣 汇总\n🚫 @Lily 「/extend」只有群主或管理员可以用',
      '延长多久？例如「/extend 2h」或「延长 30分钟」',
    ])
    expect(closing(out).map((o) => o.at)).toEqual(['2026-12-01T20:00:00.000+08:00'])
  })
})
