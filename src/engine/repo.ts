// Reading and writing the sale tables. Always called inside the engine's transaction.
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { rowOf, rowsOf } from '../db/rows.js'
import { groups, members, sales, items } from '../db/schema.js'
import type { Book } from '../core/sale.js'
import type { GroupRow, MemberRow, NoticeKind } from './types.js'
import { maskPhones } from '../core/privacy.js'
import { defuseEveryone, fitText, isEveryone, mentionsIn, MAX_CHARS } from '../core/fold.js'
import { t } from '../i18n/zh-CN.js'
import { setNextWaitSeq } from '../services/sales.js'

export type SaleRow = typeof sales.$inferSelect
export type ItemRow = typeof items.$inferSelect

export function groupByTopic(db: Db, topic: string): GroupRow | undefined {
  return rowOf(db, groups, 'groups', 'where topic = ? order by id', topic)
}

export function groupByRoomId(db: Db, roomId: string): GroupRow | undefined {
  return rowOf(db, groups, 'groups', 'where room_id = ?', roomId)
}

export function groupById(db: Db, id: number): GroupRow {
  return rowOf(db, groups, 'groups', 'where id = ?', id)!
}

/** Where a message came from or a declaration is about: the room's id (without ids, its topic) and its topic. */
export type Place = { roomId: string; topic: string }

/**
 * The group of a room, by the room's id. A known id under another topic is a rename: the
 * topic is only a label. An id not seen before binds the one group still without an id that
 * carries its topic (a group stored before ids were kept); with none or several, it is a new
 * group, so two rooms with one topic are two groups.
 */
export function ensureGroup(db: Db, place: Place, now: number): GroupRow {
  const found = groupByRoomId(db, place.roomId)
  if (found) {
    if (found.topic === place.topic) return found
    db.$client.prepare('update groups set topic = ? where id = ?').run(place.topic, found.id)
    return { ...found, topic: place.topic }
  }
  const unbound = rowsOf(db, groups, 'groups', 'where room_id is null and topic = ?', place.topic)
  if (unbound.length === 1) {
    db.$client.prepare('update groups set room_id = ? where id = ?').run(place.roomId, unbound[0].id)
    return { ...unbound[0], roomId: place.roomId }
  }
  return db.insert(groups).values({ roomId: place.roomId, topic: place.topic, createdAt: now }).returning().get()
}

/** A member named in a command or a list, by the name the bot writes (no id to go by). */
export function ensureMember(db: Db, groupId: number, name: string): MemberRow {
  const found = rowOf(db, members, 'members', 'where group_id = ? and name = ?', groupId, name)
  if (found) return found
  return db.insert(members).values({ groupId, name, contactId: null }).returning().get()
}

/**
 * The member a contact is in a group. The contact id decides who she is; the display name is
 * only how the bot writes her: a rename relabels her row, and a name another member already
 * has is written with a number (`Tom(2)`), so a namesake never becomes her. A row named before
 * it was ever seen with an id (a mention, an old database) is bound by the first contact that
 * shows its exact name.
 */
export function memberByContact(db: Db, groupId: number, name: string, contactId: string): MemberRow {
  const found = rowOf(db, members, 'members', 'where group_id = ? and contact_id = ?', groupId, contactId)
  if (found) {
    if (found.name === name || labelOf(found.name) === name) return found
    const label = freeLabel(db, groupId, name)
    db.$client.prepare('update members set name = ? where id = ?').run(label, found.id)
    return { ...found, name: label }
  }
  const unbound = rowOf(db, members, 'members', 'where group_id = ? and name = ? and contact_id is null', groupId, name)
  if (unbound) {
    db.$client.prepare('update members set contact_id = ? where id = ?').run(contactId, unbound.id)
    return { ...unbound, contactId }
  }
  return db
    .insert(members)
    .values({ groupId, name: freeLabel(db, groupId, name), contactId })
    .returning()
    .get()
}

/** The display name under a label: `Tom(2)` is written for a second Tom. */
const labelOf = (label: string): string => label.replace(/\(\d+\)$/, '')

/** `name` if no member of the group is written so, else `name(2)`, `name(3)` …: the first free one. */
function freeLabel(db: Db, groupId: number, name: string): string {
  const taken = (n: string) =>
    db.$client.prepare('select 1 from members where group_id = ? and name = ?').get(groupId, n) !== undefined
  if (!taken(name) && labelOf(name) === name) return name
  for (let i = 2; ; i++) if (!taken(`${name}(${i})`)) return `${name}(${i})`
}

/** The contact id a member is reached by: her id, or her name while she was never seen with one. */
export const contactOf = (m: Pick<MemberRow, 'contactId' | 'name'>): string => m.contactId ?? m.name

export function memberNames(db: Db, groupId: number): string[] {
  return db
    .select({ name: members.name })
    .from(members)
    .where(and(eq(members.groupId, groupId), eq(members.inGroup, true)))
    .all()
    .map((r) => r.name)
}

export function memberById(db: Db, id: number): MemberRow {
  return db.select().from(members).where(eq(members.id, id)).get()!
}

export function namesById(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map()
  const rows = db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(inArray(members.id, [...new Set(ids)]))
    .all()
  return new Map(rows.map((r) => [r.id, r.name]))
}

export function openSales(db: Db, groupId: number): SaleRow[] {
  return rowsOf(db, sales, 'sales', "where group_id = ? and state = 'open' order by no", groupId)
}

export function saleByNo(db: Db, groupId: number, no: number): SaleRow | undefined {
  return db
    .select()
    .from(sales)
    .where(and(eq(sales.groupId, groupId), eq(sales.no, no)))
    .get()
}

export function saleById(db: Db, id: number): SaleRow {
  return rowOf(db, sales, 'sales', 'where id = ?', id)!
}

export function itemsOf(db: Db, saleId: number): ItemRow[] {
  return rowsOf(db, items, 'items', 'where sale_id = ? order by id', saleId)
}

export function loadBook(db: Db, sale: SaleRow): Book {
  const its = itemsOf(db, sale.id)
  const ords = db.$client
    .prepare(
      'select member_id as memberId, item_id as itemId, confirmed from orders where sale_id = ? and confirmed > 0',
    )
    .all(sale.id) as { memberId: number; itemId: number; confirmed: number }[]
  const waits = db.$client
    .prepare('select seq, member_id as memberId, item_id as itemId, qty from waitlist where sale_id = ? order by seq')
    .all(sale.id) as { seq: number; memberId: number; itemId: number; qty: number }[]
  const held = db.$client
    .prepare("select item_id as itemId, held as qty from proxies where sale_id = ? and state = 'pending' and held > 0")
    .all(sale.id) as { itemId: number; qty: number }[]
  return {
    stock: sale.stock,
    limit: sale.limitPerMember,
    // the implicit item of a sale without variants has no name of its own
    items: its.map((i) => ({ id: i.id, name: i.isDefault ? '' : i.name, priceFen: i.priceFen, stock: i.stock })),
    orders: ords
      .filter((o) => o.confirmed > 0)
      .map((o) => ({ memberId: o.memberId, itemId: o.itemId, confirmed: o.confirmed })),
    waitlist: waits.map((w) => ({ seq: w.seq, memberId: w.memberId, itemId: w.itemId, qty: w.qty })),
    nextSeq: sale.nextWaitSeq,
    ...(held.length > 0 ? { held } : {}),
  }
}

/** Write only what changed between two books of one sale. */
export function saveBook(db: Db, saleId: number, before: Book, after: Book, now: number): void {
  const key = (m: number, i: number) => `${m}:${i}`
  const old = new Map(before.orders.map((o) => [key(o.memberId, o.itemId), o.confirmed]))
  const next = new Map(after.orders.map((o) => [key(o.memberId, o.itemId), o]))
  for (const o of after.orders) {
    const prev = old.get(key(o.memberId, o.itemId))
    if (prev === o.confirmed) continue
    db.$client
      .prepare(
        `insert into orders (sale_id, item_id, member_id, confirmed, created_at, updated_at) values (?, ?, ?, ?, ?, ?)
      on conflict (sale_id, item_id, member_id) do update set confirmed = excluded.confirmed, updated_at = excluded.updated_at`,
      )
      .run(saleId, o.itemId, o.memberId, o.confirmed, now, now)
  }
  for (const o of before.orders) {
    if (next.has(key(o.memberId, o.itemId))) continue
    db.$client
      .prepare('update orders set confirmed = 0, updated_at = ? where sale_id = ? and item_id = ? and member_id = ?')
      .run(now, saleId, o.itemId, o.memberId)
  }
  const oldW = new Map(before.waitlist.map((w) => [w.seq, w.qty]))
  const newW = new Map(after.waitlist.map((w) => [w.seq, w]))
  for (const w of after.waitlist) {
    const prev = oldW.get(w.seq)
    if (prev === undefined)
      db.$client
        .prepare('insert into waitlist (sale_id, item_id, member_id, seq, qty) values (?, ?, ?, ?, ?)')
        .run(saleId, w.itemId, w.memberId, w.seq, w.qty)
    else if (prev !== w.qty)
      db.$client.prepare('update waitlist set qty = ? where sale_id = ? and seq = ?').run(w.qty, saleId, w.seq)
  }
  for (const seq of oldW.keys()) {
    if (!newW.has(seq)) db.$client.prepare('delete from waitlist where sale_id = ? and seq = ?').run(saleId, seq)
  }
  if (after.nextSeq !== before.nextSeq) setNextWaitSeq(db, saleId, after.nextSeq)
}

const BIDI = /[\u202A-\u202E\u2066-\u2069\u061C]/g

/** A private message goes to `toId` (a contact id; without ids the name), written to as `toName`. */
export type Outgoing = {
  groupId?: number | null
  toName?: string | null
  toId?: string | null
  text: string
  mentions?: string[]
  kind: string
  file?: string | null
}

export function enqueue(db: Db, m: Outgoing, now: number, notBefore = now): void {
  // a phone number never goes to a group whole, whoever typed it
  // direction overrides (from a nickname) would reverse the rest of a line in WeChat; the
  // bot's own texts never need them. Names stay as they are for identity.
  const plain = m.text.replace(BIDI, '')
  // nothing the bot writes in a group may reach everyone (a member named @all or 所有人)
  const text = m.groupId ? defuseEveryone(maskPhones(plain)) : plain
  const mentions = (m.mentions ?? []).filter((n) => !isEveryone(n))
  // the group's owner is looked up only for a text too long for one message
  let owner: GroupRow | null | undefined
  const ownerOf = () => (owner === undefined ? (owner = m.groupId ? groupById(db, m.groupId) : null) : owner)
  const tail = (n: number) =>
    !m.groupId ? t('fold.private', { n }) : ownerOf()?.ownerId ? t('fold.more', { n }) : t('fold.moreNoOwner', { n })
  const fitted = fitText(text, tail)
  const one = fitted.parts.length === 1
  fitted.parts.forEach((part, i) => {
    // a file goes with the last part; each part notifies the members it still @s
    const last = i === fitted.parts.length - 1
    insertOutbox(
      db,
      { ...m, text: part, mentions: one ? mentions : mentionsIn(part, mentions), file: last ? m.file : null },
      now,
      notBefore,
    )
  })
  // the group saw the first parts; the organizer gets the whole text privately, in parts
  const to = fitted.omitted > 0 ? ownerOf() : null
  if (to?.ownerId) {
    const owner = { toName: to.ownerName ?? to.ownerId, toId: to.ownerId }
    insertOutbox(db, { ...owner, text: t('fold.fullCopy', { room: to.topic }), kind: 'reply' }, now, notBefore)
    for (const part of fitText(text, (n) => t('fold.private', { n }), MAX_CHARS, PRIVATE_PARTS).parts) {
      insertOutbox(db, { ...owner, text: part, kind: 'reply' }, now, notBefore)
    }
  }
}

/** A private full copy of a folded group message may run to this many parts. */
const PRIVATE_PARTS = 10

function insertOutbox(db: Db, m: Outgoing, now: number, notBefore: number): void {
  const toId = m.groupId ? null : (m.toId ?? m.toName ?? null)
  db.$client
    .prepare(
      'insert into outbox (group_id, to_name, to_id, text, mentions, kind, created_at, not_before, file) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      m.groupId ?? null,
      m.toName ?? null,
      toId,
      m.text,
      JSON.stringify(m.mentions ?? []),
      m.kind,
      now,
      notBefore,
      m.file ?? null,
    )
}

/** Queue a per-member notice for the group's next digest and make sure a digest is due. */
export function addNotice(
  db: Db,
  group: GroupRow,
  n: { kind: NoticeKind; member: string; saleId?: number; payload: Record<string, unknown> },
  now: number,
  gatherMs: number,
): void {
  db.$client
    .prepare(
      'insert into notices (group_id, sale_id, member_name, kind, payload, created_at) values (?, ?, ?, ?, ?, ?)',
    )
    .run(group.id, n.saleId ?? null, n.member, n.kind, JSON.stringify(n.payload), now)
  const current = db.$client
    .prepare('select digest_due_at as due, last_digest_at as last, digest_seconds as secs from groups where id = ?')
    .get(group.id) as { due: number | null; last: number | null; secs: number }
  if (current.due !== null) return
  const earliest = current.last === null ? now : current.last + current.secs * 1000
  db.$client
    .prepare('update groups set digest_due_at = ? where id = ?')
    .run(Math.max(now + gatherMs, earliest), group.id)
}
