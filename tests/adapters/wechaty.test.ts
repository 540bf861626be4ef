// A real Wechaty on wechaty-puppet-mock: messages in from mock members, the bot's sends
// captured at the puppet. Proves the live adapter and the engine are wired together.
import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { FileBox } from 'file-box'
import { until } from '../support/clock.js'
import { mockBot, startLive } from '../support/live.js'

async function live() {
  const m = mockBot()
  const { mocker, bot } = m
  const self = mocker.createContact({ id: 'self@mock', name: '闪团助手' })
  const may = mocker.createContact({ id: 'may@mock', name: '阿May' })
  const lily = mocker.createContact({ id: 'lily@mock', name: 'Lily' })
  const tom = mocker.createContact({ id: 'tom@mock', name: 'Tom' })
  const room = mocker.createRoom({
    id: 'bake@chatroom',
    topic: '烘焙同好群',
    ownerId: may.id,
    memberIdList: [self.id, may.id, lily.id, tom.id],
  })
  const { sent, files, app, stop } = await startLive(m, self, { gatherMs: 500 })
  return { mocker, bot, room, may, lily, tom, self, sent, files, app, stop }
}

let cleanup: (() => Promise<void>) | null = null
afterEach(async () => {
  await cleanup?.()
  cleanup = null
})

describe('live adapter on wechaty-puppet-mock', () => {
  it('runs a sale: launch, joins folded into a digest, status, close with @mentions', async () => {
    const w = await live()
    cleanup = w.stop
    // the owner is known once the rooms are read after login
    await until(
      () => w.app.db.$client.prepare("select owner_name from groups where topic='烘焙同好群'").get() !== undefined,
    )
    // digests every 15 s would make this test slow; the folding itself is what is checked here
    w.app.db.$client.prepare('update groups set digest_seconds = 1').run()

    w.may.say('/launch 云南蓝莓 125g×4盒\n价格: 59\n限量: 2\n截止: 2小时后').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('团1 开团')))
    expect(w.sent[0].to).toBe('bake@chatroom')

    w.lily.say('+1').to(w.room)
    w.tom.say('我要两盒').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('已登记')))
    // both joins are folded into one digest
    const digest = w.sent.find((s) => s.text.includes('已登记'))!
    expect(digest.text).toContain('@Tom')
    expect(digest.text).toContain('Lily 1 份')
    // Tom asked for 2 with 1 left: 1 confirmed, 1 waiting, and he is @mentioned
    const waitNotice = w.sent.find((s) => s.text.includes('@Tom'))!
    expect(waitNotice.mentions).toEqual(['tom@mock'])

    w.lily.say('进度').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('📋 团1')))
    expect(w.sent.find((s) => s.text.includes('📋 团1'))!.text).toContain('2/2')

    w.tom.say('/close').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('只有群主或管理员')))
    w.may.say('截单').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('已截单')))
    const summary = w.sent.find((s) => s.text.includes('已截单'))!
    expect(summary.text).toContain('@Lily')
    expect(summary.text).toContain('¥59')
    expect(summary.mentions.sort()).toEqual(['lily@mock', 'tom@mock'])
  })

  it('ignores its own sends coming back, but obeys the account owner typing on the phone', async () => {
    const w = await live()
    cleanup = w.stop
    await until(
      () => w.app.db.$client.prepare("select owner_name from groups where topic='烘焙同好群'").get() !== undefined,
    )
    // the bot runs on this account: a command typed on the phone arrives as a self message
    w.self.say('/launch 发酵黄油\n价格: 45\n截止: 3小时后').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('团1 开团')))
    const launch = w.sent.find((s) => s.text.includes('团1 开团'))!
    // the launch text contains "+1" hints; echoed back as a self message it must not count as a join
    w.self.say(launch.text).to(w.room)
    w.self.say('进度').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('📋')))
    await new Promise((r) => setTimeout(r, 100))
    const board = w.sent.find((s) => s.text.includes('📋'))!.text
    expect(board).toContain('已接 0 份')
    expect(w.sent.filter((s) => s.text.includes('团1 开团'))).toHaveLength(1)
  })

  it('sends the organizer the order sheet as a file in a private chat after /export', async () => {
    const w = await live()
    cleanup = w.stop
    await until(
      () => w.app.db.$client.prepare("select owner_name from groups where topic='烘焙同好群'").get() !== undefined,
    )
    w.app.db.$client.prepare('update groups set digest_seconds = 1').run()
    w.may.say('/launch 云南蓝莓\n价格: 59\n截止: 2小时后').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('团1 开团')))
    w.lily.say('+2').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('已登记')))
    w.may.say('截单').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('已截单')))
    // privately, to the bot
    w.may.say('/export 团1').to(w.self)
    await until(() => w.files.length > 0, 15_000)
    expect(w.files[0].to).toBe('may@mock')
    expect(w.files[0].name).toMatch(/\.xlsx$/)
    // once sent, the server keeps no copy
    const { file } = w.app.db.$client.prepare('select file from outbox where file is not null').get() as {
      file: string
    }
    await until(() => !existsSync(file))
    expect(w.sent.some((s) => s.to === 'may@mock' && s.text.includes('订货表已生成'))).toBe(true)
  })

  it('reads a CSV of tracking numbers sent privately as /ship', async () => {
    const w = await live()
    cleanup = w.stop
    await until(
      () => w.app.db.$client.prepare("select owner_name from groups where topic='烘焙同好群'").get() !== undefined,
    )
    w.app.db.$client.prepare('update groups set digest_seconds = 1').run()
    w.may.say('/launch 云南蓝莓\n价格: 59\n截止: 2小时后\n快递: 包邮').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('团1 开团')))
    w.lily.say('+2').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('已登记')))
    w.may.say('截单').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('已截单')))
    w.may.say(FileBox.fromBase64(Buffer.from('\uFEFFLily,SF1234567890\n').toString('base64'), 'ship.csv')).to(w.self)
    // the members' digest names Lily's tracking number
    await until(() => w.sent.some((s) => s.to === 'bake@chatroom' && s.text.includes('SF1234567890')), 15_000)
    const shipped = w.app.db.$client.prepare('select tracking from participants').pluck().all()
    expect(shipped).toEqual(['SF1234567890'])
  })
})
