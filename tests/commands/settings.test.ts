// /set: a group's settings change what the bot does for that group.
import { describe, expect, it } from 'vitest'
import { peach, twoGroups } from './peach.js'

describe('the reminder time is a group setting', () => {
  it('/set 催付 09:30 moves the reminder to 09:30 the day after close', async () => {
    const { out } = await twoGroups()
      .at('09:00:30')
      .say('阿May', '/set 催付 9:30')
      .at('09:01:00')
      .say('阿May', peach())
      .at('09:02:00')
      .say('Lily', '+1')
      .at('09:03:00')
      .say('阿May', '截单')
      .tick('2026-12-03T00:00:00+08:00')
      .run()
    expect(out[0].text).toBe('设置已保存。')
    expect(out.find((o) => o.text.includes('付款提醒'))).toMatchObject({
      at: '2026-12-02T09:30:00.000+08:00',
      mentions: ['Lily'],
    })
  })
})
