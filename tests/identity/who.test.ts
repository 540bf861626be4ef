// Who is who, through replay lines with ids: the platform's ids decide who speaks, which group
// a message is in and where the bot answers; a name or a topic anyone can copy decides nothing.
import { describe, expect, it } from 'vitest'
import { at, lastBoard, runReplay, tally, texts, type ReplayLine as In, type OutLine } from '../harness.js'
import { t } from '../../src/i18n/zh-CN.js'

const ROOM = '烘焙同好群'
const SALE = '/launch 蓝莓\n价格: 59\n限量: 20\n截止: 2026-12-01 20:00'
type P = { name: string; id: string }
const may = { name: '阿May', id: 'may' }
const lily = { name: 'Lily', id: 'lily' }
const tom = { name: 'Tom', id: 'tom' }
const ann = { name: 'Ann', id: 'ann' }

const room = (hm: string, members: P[] = [may, lily, tom, ann], extra: In = {}): In => ({
  at: at(hm),
  room: ROOM,
  roomId: 'r1',
  owner: may.name,
  ownerId: may.id,
  members,
  ...extra,
})
const by = (hm: string, p: P, text: string, where: { room?: string; roomId?: string } = {}): In => ({
  at: at(hm),
  room: where.room ?? ROOM,
  roomId: where.roomId ?? 'r1',
  from: p.name,
  fromId: p.id,
  text,
})
const dm = (hm: string, p: P, text: string): In => ({ at: at(hm), from: p.name, fromId: p.id, text })
const toRoom = (out: OutLine[], roomId: string) => out.filter((o) => o.roomId === roomId)
const saleState = (db: { $client: { prepare(s: string): { pluck(): { all(): unknown[] } } } }) =>
  db.$client.prepare('select state from sales order by id').pluck().all()

describe('impersonation by name', () => {
  it('a member who takes the owner’s name is refused: no admin, no extend, no close', async () => {
    const fake = { name: '阿May', id: 'x' }
    const { out, app } = await runReplay([
      room('10:00', [may, lily, tom, ann, fake]),
      by('10:01', may, SALE),
      by('10:02', fake, '/admin @Tom'),
      by('10:03', fake, '/extend 2h'),
      by('10:04', fake, '截单'),
      by('10:10', lily, '进度'),
    ])
    expect(texts(out).join('\n')).not.toContain(t('admin.added', { name: 'Tom' }))
    expect(texts(out).join('\n')).not.toContain('已截单')
    expect(saleState(app.db)).toEqual(['open'])
    expect(app.db.$client.prepare("select is_admin from members where contact_id = 'tom'").pluck().get()).toBe(0)
    expect(app.db.$client.prepare('select deadline from sales').pluck().get()).toBe(
      Date.parse('2026-12-01T20:00:00+08:00'),
    )
    // the impostor is written apart from the owner wherever the bot names her
    expect(texts(out).join('\n')).toContain('阿May(2)')
    app.close()
  })

  it('a member who takes an admin’s name gets none of her rights; the admin keeps them', async () => {
    const fake = { name: 'Lily', id: 'x' }
    const { out, app } = await runReplay([
      room('10:00', [may, lily, tom, fake]),
      by('10:01', may, '/admin @Lily'),
      by('10:02', may, SALE),
      by('10:03', fake, '截单'),
      by('10:05', tom, '+1'),
      by('10:10', lily, '截单'),
    ])
    expect(texts(out)).toContain(t('admin.added', { name: 'Lily' }))
    const closes = texts(out).filter((x) => x.includes('已截单'))
    expect(closes).toHaveLength(1)
    // the close came after Tom's join, so it was Lily's 截单, not the impostor's
    expect(closes[0]).toContain('Tom')
    expect(app.db.$client.prepare("select is_admin from members where contact_id = 'x'").pluck().get()).toBe(0)
    app.close()
  })
})

describe('namesakes', () => {
  it('two Toms in one group are two members: separate orders and payments', async () => {
    const tom2 = { name: 'Tom', id: 'tom-2' }
    const { out, app } = await runReplay([
      room('10:00', [may, tom, tom2]),
      by('10:01', may, SALE),
      by('10:02', tom, '+1'),
      by('10:03', tom2, '+2'),
      by('10:05', may, '截单'),
      by('10:10', tom2, '已付款'),
      by('10:20', tom, '进度'),
    ])
    const rows = app.db.$client
      .prepare(
        'select m.name, m.contact_id as id, o.confirmed from orders o join members m on m.id = o.member_id order by o.id',
      )
      .all()
    expect(rows).toEqual([
      { name: 'Tom', id: 'tom', confirmed: 1 },
      { name: 'Tom(2)', id: 'tom-2', confirmed: 2 },
    ])
    const paid = app.db.$client
      .prepare(
        'select m.contact_id as id, p.paid from participants p join members m on m.id = p.member_id order by m.contact_id',
      )
      .all()
    expect(paid).toEqual(
      expect.arrayContaining([
        { id: 'tom', paid: 'no' },
        { id: 'tom-2', paid: 'reported' },
      ]),
    )
    // the close summary bills each of them apart
    const close = texts(out).find((x) => x.includes('已截单'))!
    expect(close).toContain('Tom(2)')
    app.close()
  })

  it('a Tom of another group neither reads nor overwrites Tom’s address', async () => {
    const other = { name: 'Tom', id: 'tom-b' }
    const { out, app } = await runReplay([
      room('10:00'),
      {
        at: at('10:00'),
        room: '跑步群',
        roomId: 'r2',
        owner: 'Bob',
        ownerId: 'bob',
        members: [{ name: 'Bob', id: 'bob' }, other],
      },
      dm('10:01', tom, '/address 汤姆 13812345678 上海市徐汇区漕溪北路1号'),
      dm('10:02', other, '/address'),
      dm('10:03', other, '/address 坏人 13900000000 北京市朝阳区某路2号'),
      dm('10:04', tom, '/address'),
    ])
    const toOther = out.filter((o) => o.toId === 'tom-b').map((o) => o.text)
    expect(toOther[0]).toBe(t('delivery.addressNone'))
    const mine = out.filter((o) => o.toId === 'tom').map((o) => o.text)
    expect(mine.at(-1)).toContain('上海市徐汇区漕溪北路1号')
    expect(app.db.$client.prepare('select contact_id as id, address from addresses order by contact_id').all()).toEqual(
      [
        { id: 'tom', address: '上海市徐汇区漕溪北路1号' },
        { id: 'tom-b', address: '北京市朝阳区某路2号' },
      ],
    )
    app.close()
  })
})

describe('renames', () => {
  it('a member who renames mid-sale keeps her order', async () => {
    const renamed = { name: 'Lily🍓', id: 'lily' }
    const { out, app } = await runReplay([
      room('10:00'),
      by('10:01', may, SALE),
      by('10:02', lily, '+1'),
      room('10:05', [may, renamed, tom, ann]),
      by('10:06', renamed, '加1份'),
      by('10:10', renamed, '我的'),
      by('10:11', tom, '进度'),
    ])
    expect(tally(out)).toMatchObject({ sold: 2, buyers: 1 })
    expect(app.db.$client.prepare('select count(*) from members where contact_id = ?').pluck().get('lily')).toBe(1)
    expect(texts(out).some((x) => x.includes('Lily🍓'))).toBe(true)
    app.close()
  })

  it('a group renamed mid-sale keeps its sale: joins count and the close goes to that room', async () => {
    const { out, app } = await runReplay([
      room('10:00'),
      by('10:01', may, SALE),
      by('10:02', lily, '+1'),
      room('10:05', undefined, { room: '烘焙同好群🍰' }),
      by('10:06', tom, '+2', { room: '烘焙同好群🍰' }),
      by('10:10', may, '截单', { room: '烘焙同好群🍰' }),
    ])
    const close = out.find((o) => o.text.includes('已截单'))!
    expect(close).toMatchObject({ room: '烘焙同好群🍰', roomId: 'r1' })
    expect(close.text).toContain('Tom')
    expect(close.text).toContain('Lily')
    expect(app.db.$client.prepare('select count(*) from groups').pluck().get()).toBe(1)
    app.close()
  })

  it('two rooms with one topic are two groups: the other room’s owner cannot touch this sale', async () => {
    const bob = { name: 'Bob', id: 'bob' }
    const twin = { roomId: 'r2' }
    const { out, app } = await runReplay([
      room('10:00'),
      {
        at: at('10:00'),
        room: ROOM,
        roomId: 'r2',
        owner: 'Bob',
        ownerId: 'bob',
        members: [bob, { name: 'Lily', id: 'lily-b' }],
      },
      by('10:01', may, SALE),
      by('10:02', lily, '+1'),
      by('10:03', bob, '撤团', twin),
      by('10:04', { name: 'Lily', id: 'lily-b' }, '+3', twin),
      by('10:10', tom, '进度'),
    ])
    expect(saleState(app.db)).toEqual(['open'])
    expect(tally(out)).toMatchObject({ sold: 1, buyers: 1 })
    // every send names its room by id: the launch went to r1 only, the refusals to r2 only
    expect(toRoom(out, 'r1').some((o) => o.text.includes('团1'))).toBe(true)
    expect(toRoom(out, 'r2').some((o) => o.text.includes('团1'))).toBe(false)
    expect(out.every((o) => o.to !== undefined || o.roomId !== undefined)).toBe(true)
    app.close()
  })
})

describe('a room whose owner the platform has not named', () => {
  it('has no owner: her name grants nothing until a declaration names her; admins keep their rights', async () => {
    const { out, app } = await runReplay([
      room('10:00', [may, lily, tom], { owner: undefined, ownerId: undefined }),
      by('10:01', may, SALE),
      room('10:02'),
      by('10:03', may, '/admin @Lily'),
      room('10:04', [may, lily, tom], { owner: undefined, ownerId: undefined }),
      by('10:05', lily, SALE),
    ])
    const said = texts(out).join('\n')
    // before the owner was named, her launch was refused; once named, /admin worked, and the admin launched
    expect(said).toContain(t('error.organizerOnly', { command: '/launch' }))
    expect(said).toContain(t('admin.added', { name: 'Lily' }))
    expect(app.db.$client.prepare('select count(*) from sales').pluck().get()).toBe(1)
    app.close()
  })
})

describe('private chats by contact id', () => {
  it('/my answers the member by id; a stranger with her name is refused', async () => {
    const fake = { name: 'Lily', id: 'x' }
    const { out, app } = await runReplay([
      room('10:00'),
      by('10:01', may, SALE),
      by('10:02', lily, '+2'),
      dm('10:05', lily, '/my'),
      dm('10:06', fake, '/my'),
      dm('10:07', fake, '/address'),
    ])
    const real = out.filter((o) => o.toId === 'lily')
    expect(real).toHaveLength(1)
    expect(real[0].text).toContain('蓝莓')
    expect(out.filter((o) => o.toId === 'x').map((o) => o.text)).toEqual([t('scope.noGroup'), t('scope.noGroup')])
    app.close()
  })

  it('/issue opens a ticket on the sender’s own order; a namesake from another group has none', async () => {
    const other = { name: 'Tom', id: 'tom-b' }
    const { out, app } = await runReplay([
      room('10:00'),
      {
        at: at('10:00'),
        room: '跑步群',
        roomId: 'r2',
        owner: 'Bob',
        ownerId: 'bob',
        members: [{ name: 'Bob', id: 'bob' }, other],
      },
      by('10:01', may, SALE),
      by('10:02', tom, '+2'),
      by('10:05', may, '截单'),
      dm('10:10', other, '/issue 有两盒压坏了'),
      dm('10:11', tom, '/issue 有两盒压坏了'),
    ])
    expect(out.filter((o) => o.toId === 'tom-b').map((o) => o.text)).toEqual([t('ticket.noOrder')])
    expect(
      app.db.$client.prepare('select m.contact_id from tickets k join members m on m.id = k.member_id').pluck().all(),
    ).toEqual(['tom'])
    // the organizer hears of it privately, by her id
    expect(out.some((o) => o.toId === 'may' && o.text.includes('有两盒压坏了'))).toBe(true)
    app.close()
  })

  it('/export goes to the owner by id; a stranger with the owner’s name gets nothing at all', async () => {
    const fake = { name: '阿May', id: 'x' }
    const { out, app } = await runReplay([
      room('10:00'),
      by('10:01', may, SALE),
      by('10:02', lily, '+2'),
      by('10:05', may, '截单'),
      dm('10:10', fake, '/export 团1'),
      dm('10:11', may, '/export 团1'),
    ])
    expect(out.filter((o) => o.toId === 'x')).toEqual([])
    const sent = out.filter((o) => o.toId === 'may' && o.file)
    expect(sent).toHaveLength(1)
    expect(sent[0].to).toBe('阿May')
    app.close()
  })
})

describe('a private command naming a group', () => {
  it('a word two of the sender’s groups share gets one question, never a guess', async () => {
    const second = (hm: string): In => ({
      at: at(hm),
      room: '烘焙二群',
      roomId: 'r2',
      owner: may.name,
      ownerId: may.id,
      members: [may, ann],
    })
    const { out, app } = await runReplay([
      room('10:00'),
      second('10:00'),
      by('10:01', may, SALE),
      by('10:01', may, SALE, { room: '烘焙二群', roomId: 'r2' }),
      by('10:05', may, '截单'),
      dm('10:10', may, '/stats 烘焙'),
    ])
    const answers = out.filter((o) => o.toId === 'may').map((o) => o.text)
    expect(answers).toHaveLength(1)
    expect(answers[0]).toContain(ROOM)
    expect(answers[0]).toContain('烘焙二群')
    app.close()
  })
})

describe('the replay contract with ids', () => {
  it('output lines carry roomId, toId and mentionIds once the input gave ids', async () => {
    const { out, app } = await runReplay([
      room('10:00'),
      by('10:01', may, SALE),
      by('10:02', lily, '+1'),
      by('10:05', may, '截单'),
    ])
    const close = out.find((o) => o.text.includes('已截单'))!
    expect(close.roomId).toBe('r1')
    expect(close.mentionIds).toEqual(
      close.mentions.map((n) => (({ Lily: 'lily', 阿May: 'may', Tom: 'tom' }) as Record<string, string>)[n]),
    )
    expect(lastBoard(out)).toBe('')
    app.close()
  })

  it('without ids nothing changes in the output lines', async () => {
    const { out, app } = await runReplay([
      { at: at('10:00'), room: ROOM, owner: '阿May', members: ['阿May', 'Lily'] },
      { at: at('10:01'), room: ROOM, from: '阿May', text: SALE },
    ])
    expect(out.length).toBeGreaterThan(0)
    for (const o of out) expect(Object.keys(o).sort()).toEqual(['at', 'mentions', 'room', 'text'])
    app.close()
  })
})
