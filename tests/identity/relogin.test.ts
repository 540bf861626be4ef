// A re-login through replay lines with ids: wechat4u gives every room and contact a new id, and
// the bot re-attaches what it stored only where a topic or a name cannot point at two things.
import { describe, expect, it } from 'vitest'
import { at, runReplay, texts, type ReplayLine as In, type OutLine } from '../harness.js'
import { t } from '../../src/i18n/zh-CN.js'

const ROOM = '烘焙同好群'
const SALE = '/launch 蓝莓\n价格: 59\n限量: 20\n截止: 2026-12-01 20:00'
type P = { name: string; id: string }
const p = (name: string, id: string): P => ({ name, id })
// before the re-login
const may = p('阿May', 'may'),
  lily = p('Lily', 'lily'),
  tom = p('Tom', 'tom'),
  tom2 = p('Tom', 'tom-2'),
  ann = p('Ann', 'ann')
// the same people after it, under the ids of the new login
const may2 = p('阿May', '@may'),
  lily2 = p('Lily', '@lily'),
  tomA = p('Tom', '@tom'),
  tomB = p('Tom', '@tom-2'),
  ann2 = p('Ann', '@ann')

const room = (hm: string, roomId: string, owner: P, members: P[], topic = ROOM): In => ({
  at: at(hm),
  room: topic,
  roomId,
  owner: owner.name,
  ownerId: owner.id,
  members,
})
const by = (hm: string, roomId: string, who: P, text: string, topic = ROOM): In => ({
  at: at(hm),
  room: topic,
  roomId,
  from: who.name,
  fromId: who.id,
  text,
})
const relogin = (hm: string): In => ({ at: at(hm), relogin: true })
const sql = (
  app: { db: { $client: { prepare(s: string): { all(...a: unknown[]): unknown[] } } } },
  q: string,
  ...a: unknown[]
) => app.db.$client.prepare(q).all(...a)
const privateTo = (out: OutLine[], id: string) => out.filter((o) => o.toId === id).map((o) => o.text)

// a sale with Lily's and both Toms' orders, Lily an admin, then a re-login with new ids
const before = (): In[] => [
  room('10:00', 'r1', may, [may, lily, tom, tom2, ann]),
  by('10:01', 'r1', may, '/admin @Lily'),
  by('10:02', 'r1', may, SALE),
  by('10:03', 'r1', lily, '+2'),
  by('10:04', 'r1', tom, '+1'),
  by('10:05', 'r1', tom2, '+3'),
  { at: at('10:06'), from: lily.name, fromId: lily.id, text: '/address 莉莉 13812345678 上海市徐汇区漕溪北路1号' },
]
const after = (hm = '11:00'): In[] => [relogin(hm), room(hm, '@r1', may2, [may2, lily2, tomA, tomB, ann2])]

describe('a re-login with new ids', () => {
  it('re-attaches the group and the unambiguous members: orders, admin right and the sale keep working', async () => {
    const { out, app } = await runReplay([
      ...before(),
      ...after(),
      by('11:01', '@r1', ann2, '+1'),
      by('11:02', '@r1', lily2, '截单'),
    ])
    // Lily's admin right followed her: her 截单 closed the sale, in the room under its new id
    const close = out.find((o) => o.text.includes('已截单'))!
    expect(close).toMatchObject({ room: ROOM, roomId: '@r1' })
    // her order before the re-login and Ann's after it are one sale's orders, under the live ids
    expect(
      sql(
        app,
        "select m.contact_id as id, o.confirmed as n from orders o join members m on m.id = o.member_id where m.contact_id in ('@lily', '@ann') order by o.id",
      ),
    ).toEqual([
      { id: '@lily', n: 2 },
      { id: '@ann', n: 1 },
    ])
    expect(close.text).toMatch(/Lily[^\n]*118/)
    expect(sql(app, 'select count(*) as n from groups')).toEqual([{ n: 1 }])
    expect(sql(app, 'select state from sales')).toEqual([{ state: 'succeeded' }])
    // her address follows her to the new id
    expect(sql(app, 'select contact_id as id from addresses')).toEqual([{ id: '@lily' }])
    app.close()
  })

  it('does not merge two members who carry one name: both start fresh, with no orders and no rights', async () => {
    const { out, app } = await runReplay([
      ...before(),
      ...after(),
      by('11:01', '@r1', tomA, '我的'),
      by('11:02', '@r1', tomB, '截单'),
    ])
    // neither live Tom is either stored Tom
    expect(
      sql(
        app,
        "select m.contact_id as id from orders o join members m on m.id = o.member_id where m.contact_id like '@%'",
      ),
    ).toEqual([{ id: '@lily' }])
    expect(texts(out).join('\n')).not.toContain('已截单')
    expect(sql(app, 'select state from sales')).toEqual([{ state: 'open' }])
    app.close()
  })

  it('tells the owner once, privately, which names could not be matched', async () => {
    // the platform announcing the same login again (same ids) is not a new re-login
    const { out, app } = await runReplay([...before(), ...after(), by('11:30', '@r1', ann2, '进度'), ...after('11:40')])
    const told = privateTo(out, '@may')
    expect(told).toEqual([t('relogin.unmatched', { room: ROOM, names: 'Tom、Tom(2)' })])
    // nobody else hears it, and the old owner id reaches nobody
    expect(out.filter((o) => o.text.includes('没能认出来')).map((o) => o.toId)).toEqual(['@may'])
    app.close()
  })

  it('an admin who cannot be matched loses her right until the owner grants it again', async () => {
    const lilyA = p('Lily', '@lily'),
      lilyB = p('Lily', '@lily-b')
    const { out, app } = await runReplay([
      ...before(),
      relogin('11:00'),
      room('11:00', '@r1', may2, [may2, lilyA, lilyB, tomA, ann2]),
      by('11:01', '@r1', lilyA, '截单'),
      by('11:02', '@r1', lilyB, '截单'),
    ])
    expect(texts(out).join('\n')).not.toContain('已截单')
    expect(sql(app, "select is_admin as a from members where contact_id like '@lily%'")).toEqual([{ a: 0 }, { a: 0 }])
    app.close()
  })

  it('a group renamed to the first group’s topic before the re-login gets nothing', async () => {
    const bob = p('Bob', 'bob'),
      bob2 = p('Bob', '@bob'),
      eve = p('Lily', 'eve'),
      eve2 = p('Lily', '@eve')
    const { out, app } = await runReplay([
      ...before(),
      room('10:30', 'r2', bob, [bob, eve], '跑步群'),
      room('10:40', 'r2', bob, [bob, eve]),
      relogin('11:00'),
      room('11:00', '@r1', may2, [may2, lily2, tomA, ann2]),
      room('11:00', '@r2', bob2, [bob2, eve2]),
      by('11:01', '@r2', bob2, '撤团'),
      by('11:02', '@r2', eve2, '截单'),
      by('11:03', '@r2', eve2, '我的'),
      { at: at('20:05') },
    ])
    // no sale, order or right of the real group reached the renamed one, and it aborted nothing:
    // the sale closed at its deadline
    expect(sql(app, 'select state from sales')).toEqual([{ state: 'succeeded' }])
    // its close went nowhere: nothing is posted to an id of the earlier login
    expect(out.filter((o) => !o.roomId?.startsWith('@') && !o.toId?.startsWith('@') && o.at > at('11:00'))).toEqual([])
    expect(
      out
        .filter((o) => o.roomId === '@r2')
        .map((o) => o.text)
        .join('\n'),
    ).not.toMatch(/蓝莓|团1/)
    expect(
      sql(app, "select count(*) as n from orders o join members m on m.id = o.member_id where m.contact_id like '@%'"),
    ).toEqual([{ n: 0 }])
    // both rooms start fresh: the stored groups are bound to no live room
    expect(sql(app, "select count(*) as n from groups where room_id like '@%'")).toEqual([{ n: 2 }])
    expect(
      sql(app, "select count(*) as n from groups g join sales s on s.group_id = g.id where g.room_id like '@%'"),
    ).toEqual([{ n: 0 }])
    app.close()
  })

  it('with ids that did not change (a puppet with stable ids), a login changes nothing', async () => {
    const { out, app } = await runReplay([
      ...before(),
      relogin('11:00'),
      room('11:00', 'r1', may, [may, lily, tom, tom2, ann]),
      by('11:01', 'r1', tom2, '加1份'),
      by('11:02', 'r1', lily, '截单'),
    ])
    expect(out.filter((o) => o.toId !== undefined && o.text.includes('没能认出来'))).toEqual([])
    const close = out.find((o) => o.text.includes('已截单'))!
    expect(close.roomId).toBe('r1')
    expect(close.text).toContain('Tom(2)')
    expect(
      sql(
        app,
        'select contact_id as id, confirmed as n from orders o join members m on m.id = o.member_id order by o.id',
      ),
    ).toEqual([
      { id: 'lily', n: 2 },
      { id: 'tom', n: 1 },
      { id: 'tom-2', n: 4 },
    ])
    app.close()
  })
})

describe('/relink 旧名 @成员', () => {
  it('moves an unmatched old member’s order to a current member: she pays and is billed for it', async () => {
    const { out, app } = await runReplay([
      ...before(),
      ...after(),
      by('11:01', '@r1', may2, '/relink Tom(2) @Tom(4)'),
      by('11:02', '@r1', may2, '截单'),
    ])
    expect(texts(out)).toContain(t('relink.done', { from: 'Tom(2)', to: 'Tom(4)' }))
    expect(
      sql(
        app,
        'select o.confirmed as n from orders o join members m on m.id = o.member_id where m.contact_id = ?',
        tomB.id,
      ),
    ).toEqual([{ n: 3 }])
    const close = out.find((o) => o.text.includes('已截单'))!
    expect(close.text).toMatch(/Tom\(4\)[^\n]*177/)
    app.close()
  })

  it('moves the admin right and the address; the old row keeps nothing', async () => {
    const lilyA = p('Lily', '@lily'),
      lilyB = p('Lily', '@lily-b')
    const { out, app } = await runReplay([
      ...before(),
      relogin('11:00'),
      room('11:00', '@r1', may2, [may2, lilyA, lilyB, tomA, ann2]),
      by('11:01', '@r1', may2, '/relink Lily @Lily(2)'),
      by('11:02', '@r1', lilyA, '截单'),
    ])
    expect(texts(out)).toContain(t('relink.done', { from: 'Lily', to: 'Lily(2)' }))
    expect(out.find((o) => o.text.includes('已截单'))?.roomId).toBe('@r1')
    expect(sql(app, 'select name, is_admin as a from members where is_admin = 1')).toEqual([{ name: 'Lily(2)', a: 1 }])
    expect(sql(app, 'select contact_id as id from addresses')).toEqual([{ id: '@lily' }])
    app.close()
  })

  it('is refused to anyone but the owner, and for a name that is in the group now', async () => {
    const { out, app } = await runReplay([
      ...before(),
      ...after(),
      by('11:01', '@r1', lily2, '/relink Tom(2) @Tom(4)'),
      by('11:02', '@r1', may2, '/relink Ann @Tom(4)'),
      by('11:03', '@r1', may2, '/relink Tom @Nobody'),
    ])
    expect(texts(out).join('\n')).not.toContain(t('relink.done', { from: 'Tom(2)', to: 'Tom(4)' }))
    expect(texts(out)).toContain(t('relink.oldStillHere', { name: 'Ann' }))
    expect(texts(out)).toContain(t('relink.targetNotFound', { name: 'Nobody' }))
    // the old rows keep their orders
    expect(
      sql(app, "select count(*) as n from orders o join members m on m.id = o.member_id where m.contact_id like '~%'"),
    ).toEqual([{ n: 2 }])
    app.close()
  })
})
