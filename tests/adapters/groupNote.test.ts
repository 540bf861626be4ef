// A native 接龙 as the live adapter receives it: an appmsg of type 53, which puppets hand
// over as a GroupNote message whose text is the whole list (wechat4u: the appmsg's title).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WechatyBuilder, types, type Wechaty } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'
import { makeApp } from '../../src/app.js'
import { attach, WechatyTransport } from '../../src/adapters/wechaty.js'
import { runLive } from '../../src/engine/runtime.js'
import { silentLogger } from '../../src/log.js'
import { runningClock, until } from '../support/clock.js'
import { exportRows } from '../../src/export.js'

let stop: (() => Promise<void>) | null = null
afterEach(async () => {
  await stop?.()
  stop = null
})

describe("live adapter: WeChat's native 接龙", () => {
  it('a GroupNote message is read as the list it carries', async () => {
    const mocker = new mock.Mocker()
    const puppet = new PuppetMock({ mocker })
    const bot: Wechaty = WechatyBuilder.build({ puppet })
    const self = mocker.createContact({ id: 'self@mock', name: '闪团助手' })
    const may = mocker.createContact({ id: 'may@mock', name: '阿May' })
    const lily = mocker.createContact({ id: 'lily@mock', name: 'Lily' })
    const room = mocker.createRoom({
      id: 'bake@chatroom',
      topic: '烘焙同好群',
      ownerId: may.id,
      memberIdList: [self.id, may.id, lily.id],
    })
    const sent: string[] = []
    const spy = vi.spyOn(puppet, 'messageSendText').mockImplementation(async (_to: string, text: string) => {
      sent.push(text)
      return undefined
    })
    const transport = new WechatyTransport(bot)
    const log = silentLogger()
    const app = makeApp({
      dbFile: ':memory:',
      transport,
      log,
      pace: { perChatMs: 0, jitterMs: 0, perMinute: 1000, maxAttempts: 3 },
      gatherMs: 200,
    })
    const clock = runningClock()
    const loop = runLive(app.runtime, clock, () => {})
    attach(bot, app.engine, transport, clock, log, () => loop.poke())
    await bot.start()
    mocker.login(self)
    stop = async () => {
      loop.stop()
      spy.mockRestore()
      await bot.stop()
      app.close()
    }
    await until(
      () => app.db.$client.prepare("select owner_name from groups where topic='烘焙同好群'").get() !== undefined,
    )

    may.say('/launch 丹东草莓\n价格: 128\n截止: 2小时后').to(room)
    await until(() => sent.some((t) => t.includes('团1 开团')))
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
    await until(() => exportRows(app.db, {}).length === 2)
    expect(exportRows(app.db, {}).map((r) => [r.member, r.quantity, r.source])).toEqual([
      ['阿May', 1, 'proxy'],
      ['Lily', 2, 'chain'],
    ])
  })
})
