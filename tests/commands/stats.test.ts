// /stats in a private chat: the group is named when the organizer has several.
import { describe, expect, it } from 'vitest'
import { peach, twoGroups } from './peach.js'

describe('private commands pick the group', () => {
  it('an organizer of two groups names the group; a member is no organizer in private', async () => {
    const { out } = await twoGroups()
      .at('09:01:00')
      .say('阿May', peach())
      .at('09:02:00')
      .say('Lily', '+1')
      .at('09:03:00')
      .say('阿May', '截单')
      .at('09:04:00')
      .dm('阿May', '/stats')
      .at('09:05:00')
      .dm('阿May', '/stats 烘焙')
      .at('09:06:00')
      .dm('Lily', '/stats')
      .run()
    const priv = out.filter((o) => o.to)
    expect(priv[0].text).toBe('你在多个群：烘焙同好群、徒步群，请在命令里写上群名，例如「… 烘焙同好群」')
    expect(priv[1].text).toMatch(/^📊 团1 桃（已成团）\n订单（人×规格）：1/)
    expect(priv[2].text).toBe('「/stats」只有群主或管理员可以用')
  })
})
