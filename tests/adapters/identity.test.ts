// The identity attacks through the real Wechaty adapter on wechaty-puppet-mock, with group
// nicknames (群昵称) supplied the way wechat4u fills a room member's DisplayName: a nickname
// copied from the owner, a WeChat name equal to an organizer's group nickname, and a second
// room with the first one's topic. Names are labels; only the platform's ids decide.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { until } from '../support/clock.js'
import { mockBot, startLive } from '../support/live.js'

const TOPIC = '烘焙同好群'

async function live() {
  const m = mockBot()
  const { mocker, puppet } = m
  const self = mocker.createContact({ id: 'self@mock', name: '闪团助手' })
  // the real owner: WeChat name "May Chen", group nickname 阿May
  const may = mocker.createContact({ id: 'may@mock', name: 'May Chen' })
  const lily = mocker.createContact({ id: 'lily@mock', name: 'Lily' })
  // a member who set her group nickname to the owner's
  const fake = mocker.createContact({ id: 'fake@mock', name: 'Zoe' })
  // a stranger whose WeChat name is the owner's group nickname, in none of the bot's groups
  const stranger = mocker.createContact({ id: 'stranger@mock', name: '阿May' })
  const bob = mocker.createContact({ id: 'bob@mock', name: 'Bob' })
  const room = mocker.createRoom({
    id: 'bake@chatroom',
    topic: TOPIC,
    ownerId: may.id,
    memberIdList: [self.id, may.id, lily.id, fake.id],
  })
  // another room with the same topic, owned by someone else
  const twin = mocker.createRoom({
    id: 'twin@chatroom',
    topic: TOPIC,
    ownerId: bob.id,
    memberIdList: [self.id, bob.id, fake.id],
  })
  // wechat4u gives the group nickname as the member's DisplayName: the puppet's roomAlias
  const nick: Record<string, string> = { 'may@mock': '阿May', 'fake@mock': '阿May' }
  const original = puppet.roomMemberRawPayload.bind(puppet)
  vi.spyOn(puppet, 'roomMemberRawPayload').mockImplementation(async (roomId: string, contactId: string) => ({
    ...(await original(roomId, contactId)),
    roomAlias: nick[contactId] ?? '',
  }))
  const { sent, files, app, stop } = await startLive(m, self)
  return { room, twin, may, lily, fake, stranger, bob, self, sent, files, app, stop }
}

let cleanup: (() => Promise<void>) | null = null
afterEach(async () => {
  await cleanup?.()
  cleanup = null
})

describe('identity through the live adapter', () => {
  it('an owner’s nickname, an organizer’s name privately, a twin topic: none of them grants anything', async () => {
    const w = await live()
    cleanup = w.stop
    const q = (sql: string) => w.app.db.$client.prepare(sql)
    // both rooms are read at login, each with its owner by id
    await until(() => (q('select count(*) from groups where owner_id is not null').pluck().get() as number) === 2)
    q('update groups set digest_seconds = 1').run()
    expect(q('select room_id as roomId, owner_id as ownerId from groups order by room_id').all()).toEqual([
      { roomId: 'bake@chatroom', ownerId: 'may@mock' },
      { roomId: 'twin@chatroom', ownerId: 'bob@mock' },
    ])
    // the impostor is written apart from the owner
    expect(
      q(
        "select name from members where contact_id = 'fake@mock' and group_id = (select id from groups where room_id = 'bake@chatroom')",
      )
        .pluck()
        .get(),
    ).toBe('阿May(2)')

    w.may.say('/launch 云南蓝莓\n价格: 59\n截止: 2小时后').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('团1 开团')))
    // the impostor tries the owner's commands
    w.fake.say('/admin @Lily').to(w.room)
    w.fake.say('截单').to(w.room)
    await until(() => w.sent.some((s) => s.to === 'bake@chatroom' && s.text.includes('只有群主或管理员')), 8000)
    // the other room's owner aborts "his" sale in a room with the same topic
    w.bob.say('撤团').to(w.twin)
    w.lily.say('+2').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('已登记')))
    expect(q('select state from sales').pluck().all()).toEqual(['open'])
    expect(q("select is_admin from members where contact_id = 'lily@mock'").pluck().get()).toBe(0)
    // every send to the first room went to its id; nothing about 团1 reached the twin
    expect(w.sent.filter((s) => s.to === 'twin@chatroom' && s.text.includes('蓝莓'))).toEqual([])

    w.may.say('截单').to(w.room)
    await until(() => w.sent.some((s) => s.text.includes('已截单')))
    expect(w.sent.find((s) => s.text.includes('已截单'))!.to).toBe('bake@chatroom')
    // privately: the stranger named 阿May asks for the workbook and gets nothing; the owner,
    // whose WeChat name is May Chen, gets it
    w.stranger.say('/export 团1').to(w.self)
    w.may.say('/export 团1').to(w.self)
    await until(() => w.files.length > 0, 15_000)
    await new Promise((r) => setTimeout(r, 300))
    expect(w.files.map((f) => f.to)).toEqual(['may@mock'])
    expect(w.sent.filter((s) => s.to === 'stranger@mock')).toEqual([])
  })
})
