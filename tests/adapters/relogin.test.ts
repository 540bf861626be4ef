// A re-login through the real Wechaty adapter on wechaty-puppet-mock: the bot is stopped and
// started again on the same database, and the second login shows every room and contact under
// new ids, as wechat4u does after a new QR login. The stored group and its unambiguous members
// are re-attached before any message is acted on; the owner hears privately whom it could not
// match. Started again with the same ids (as a puppet with stable ids does), nothing changes.
import { afterEach, describe, expect, it } from 'vitest'
import { tmpDb } from '../harness.js'
import { until } from '../support/clock.js'
import { mockBot, startLive } from '../support/live.js'
import { t } from '../../src/i18n/zh-CN.js'

const TOPIC = '烘焙同好群'

/** One run of the bot on `dbFile`, logged in with ids ending in `login`. */
async function session(dbFile: string, login: string) {
  const m = mockBot()
  const { mocker } = m
  const id = (who: string) => `${who}@${login}`
  const self = mocker.createContact({ id: id('self'), name: '闪团助手' })
  const may = mocker.createContact({ id: id('may'), name: '阿May' })
  const lily = mocker.createContact({ id: id('lily'), name: 'Lily' })
  // two members with one name: a re-login cannot tell which is which
  const tom = mocker.createContact({ id: id('tom'), name: 'Tom' })
  const tom2 = mocker.createContact({ id: id('tom2'), name: 'Tom' })
  const room = mocker.createRoom({
    id: id('bake'),
    topic: TOPIC,
    ownerId: may.id,
    memberIdList: [self.id, may.id, lily.id, tom.id, tom2.id],
  })
  const { sent, app, stop } = await startLive(m, self, { dbFile })
  const q = (sql: string) => app.db.$client.prepare(sql)
  // the login sync has read the room when its members are bound to this login's ids
  await until(() => (q(`select count(*) from members where contact_id like '%@${login}'`).pluck().get() as number) >= 3)
  return { room, may, lily, tom, tom2, sent, q, stop }
}

let cleanup: (() => Promise<void>) | null = null
afterEach(async () => {
  await cleanup?.()
  cleanup = null
})

async function firstRun(dbFile: string) {
  const a = await session(dbFile, 'a')
  cleanup = a.stop
  a.may.say('/admin @Lily').to(a.room)
  a.may.say('/launch 云南蓝莓\n价格: 59\n截止: 2小时后').to(a.room)
  a.lily.say('+2').to(a.room)
  a.tom2.say('+3').to(a.room)
  await until(() => (a.q('select count(*) from orders').pluck().get() as number) === 2)
  await a.stop()
  cleanup = null
}

describe('a re-login through the live adapter', () => {
  it('with new ids: the sale, Lily’s order and admin right carry on; the owner hears about the two Toms once', async () => {
    const dbFile = tmpDb()
    await firstRun(dbFile)
    const b = await session(dbFile, 'b')
    cleanup = b.stop
    b.lily.say('加1份').to(b.room)
    await until(
      () =>
        b
          .q("select o.confirmed from orders o join members m on m.id = o.member_id where m.contact_id = 'lily@b'")
          .pluck()
          .get() === 3,
    )
    // Lily is still an admin: her 截单 closes the sale, in the room under its new id
    b.lily.say('截单').to(b.room)
    await until(() => b.sent.some((s) => s.text.includes('已截单')))
    expect(b.sent.find((s) => s.text.includes('已截单'))!.to).toBe('bake@b')
    expect(b.q('select count(*) from groups').pluck().get()).toBe(1)
    const told = b.sent.filter((s) => s.text.includes('没能认出来'))
    expect(told).toEqual([
      { to: 'may@b', mentions: [], text: t('relogin.unmatched', { room: TOPIC, names: 'Tom、Tom(2)' }) },
    ])
  })

  it('with the same ids (a puppet with stable ids): nothing is re-attached and nobody is told anything', async () => {
    const dbFile = tmpDb()
    await firstRun(dbFile)
    const b = await session(dbFile, 'a')
    cleanup = b.stop
    b.tom2.say('加1份').to(b.room)
    await until(
      () =>
        b
          .q("select o.confirmed from orders o join members m on m.id = o.member_id where m.contact_id = 'tom2@a'")
          .pluck()
          .get() === 4,
    )
    b.lily.say('截单').to(b.room)
    await until(() => b.sent.some((s) => s.text.includes('已截单')))
    expect(b.sent.filter((s) => s.text.includes('没能认出来'))).toEqual([])
    expect(b.q("select count(*) from members where contact_id like '~%'").pluck().get()).toBe(0)
  })
})
