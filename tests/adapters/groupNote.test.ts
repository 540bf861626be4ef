// A native 接龙 as the live adapter receives it: an appmsg of type 53, which puppets hand
// over as a GroupNote message whose text is the whole list (wechat4u: the appmsg's title).
import { afterEach, describe, expect, it } from 'vitest'
import { types } from 'wechaty'
import { until } from '../support/clock.js'
import { mockBot, startLive } from '../support/live.js'
import { exportRows } from '../../src/export.js'

let stop: (() => Promise<void>) | null = null
afterEach(async () => {
  await stop?.()
  stop = null
})

describe("live adapter: WeChat's native 接龙", () => {
  it('a GroupNote message is read as the list it carries', async () => {
    const m = mockBot()
    const { mocker } = m
    const self = mocker.createContact({ id: 'self@mock', name: '闪团助手' })
    const may = mocker.createContact({ id: 'may@mock', name: '阿May' })
    const lily = mocker.createContact({ id: 'lily@mock', name: 'Lily' })
    const room = mocker.createRoom({
      id: 'bake@chatroom',
      topic: '烘焙同好群',
      ownerId: may.id,
      memberIdList: [self.id, may.id, lily.id],
    })
    const live = await startLive(m, self, { gatherMs: 200 })
    const { app } = live
    const sent = live.sent
    stop = live.stop
    await until(
      () => app.db.$client.prepare("select owner_name from groups where topic='烘焙同好群'").get() !== undefined,
    )

    may.say('/launch 丹东草莓\n价格: 128\n截止: 2小时后').to(room)
    await until(() => sent.some((s) => s.text.includes('团1 开团')))
    const msg = mocker.MessageMock.create({
      id: 'note-1',
      talkerId: lily.id,
      roomId: room.id,
      timestamp: Date.now(),
      mentionIdList: [],
      type: types.Message.GroupNote,
      text: '#接龙\n丹东草莓 周六自提\n例 张三 2份\n\n1. 阿May\n2. Lily 2份',
    } as never)
    mocker.puppet.emit('message', { messageId: msg.id })
    // Lily's line counts; the line she wrote under 阿May's name waits for 阿May's 「确认」
    await until(() => sent.some((s) => s.text.includes('@阿May 由 Lily 代接 1 份，回复「确认」生效')))
    expect(exportRows(app.db, {}).map((r) => [r.member, r.quantity, r.source])).toEqual([['Lily', 2, 'chain']])
  })
})
