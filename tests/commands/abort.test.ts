// Aborting a sale (撤团): everyone in it is told they owe nothing; only organizers may.
import { describe, expect, it } from 'vitest'
import { at, blueberrySale as sale, closing, lastBoard, run, say, texts } from '../harness.js'

describe('abort', () => {
  it.each(['撤团', '/abort'])('「%s」 cancels the sale and tells everyone in it they owe nothing', async (cmd) => {
    const { out } = await run([
      ...sale('\n限量: 1'),
      say(at('10:01'), 'Lily', '+1'),
      say(at('10:02'), 'Tom', '+1'),
      say(at('10:03'), '阿May', cmd),
      say(at('10:04'), 'Ann', '进度 #1'),
    ])
    expect(closing(out)).toEqual([
      {
        at: '2026-12-01T10:03:00.000+08:00',
        room: '烘焙同好群',
        mentions: ['Lily', 'Tom'],
        text: '🚫 团1 蓝莓 已被团长撤团，本团取消，大家无需付款。\n@Lily @Tom',
      },
    ])
    expect(lastBoard(out)).toMatch(/^📋 团1 蓝莓（已撤团）/)
  })

  it('a member cannot abort', async () => {
    const { out } = await run([...sale(), say(at('10:01'), 'Lily', '撤团'), say(at('10:02'), 'Lily', '进度')])
    expect(texts(out).slice(1)).toEqual([
      '📣 汇总\n🚫 @Lily 「/abort」只有群主或管理员可以用',
      expect.stringContaining('（进行中）'),
    ])
  })
})
