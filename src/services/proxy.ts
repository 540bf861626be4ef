// 代接龙: units entered by one member for another. The rule, in one place:
// - For a member of the group, the entry is a hold until she replies 「确认」. The held units
//   are kept out of stock (nobody else can take them, so a confirmation never oversells) but
//   they are nobody's order: a close owes nothing for them. Thirty minutes after the digest
//   carrying the question went out without an answer they are released: the waitlist gets
//   them first, and the member who entered them hears it in the next digest.
// - A name outside the group (family, neighbours) counts at once, as the enterer's entry for
//   them always did; one member may enter at most `groups.proxy_limit` such names per sale.
// Members are rows (member ids), however the platform keys them.
import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { members, outbox, proxies, sales } from '../db/schema.js'
import * as rules from '../core/sale.js'
import { looseKey } from '../core/text.js'
import { t } from '../i18n/zh-CN.js'
import {
  addNotice,
  ensureMember,
  groupById,
  loadBook,
  memberById,
  saleById,
  saveBook,
  type SaleRow,
} from '../engine/repo.js'
import { noteSoldOut, promotionNotices } from '../engine/sales.js'
import { noteSource } from '../engine/orderSource.js'
import { scheduleJob } from '../engine/jobs.js'
import { GATHER_MS } from '../engine/scope.js'
import type { GroupRow, MemberRow, Reply } from '../engine/types.js'

export const PROXY_RELEASE_JOB = 'proxy.release'
/** How long a member has to confirm, from the send of the digest that asked her. */
export const CONFIRM_MS = 30 * 60_000
/** While the digest that asks has not gone out yet, look again this often. */
const UNSENT_RETRY_MS = 60_000

type ProxyRow = typeof proxies.$inferSelect
export type Entry = { itemId: number; qty: number; mode: 'set' | 'add' }

/**
 * The row for a name someone typed for another person, and whether it is a member of the group:
 * listed by the platform or seen speaking there. A name first met this way is recorded as
 * outside the group, so entering it again never makes it a member.
 */
const isInGroup = (m: MemberRow) => m.inGroup || m.contactId !== null

export function proxyTarget(db: Db, groupId: number, name: string): { member: MemberRow; inGroup: boolean } {
  // the reader lowercases what it reads (帮ann+2): a name is matched as loosely as members type it;
  // among several members it could be, the first is asked, and her confirmation is the check
  const typed = name.replace(/^@/, '')
  const rows = db.select().from(members).where(eq(members.groupId, groupId)).all()
  const loose = rows.filter((r) => looseKey(r.name) === looseKey(typed))
  const found =
    rows.find((r) => r.name === typed && isInGroup(r)) ??
    loose.find(isInGroup) ??
    rows.find((r) => r.name === typed) ??
    loose[0]
  if (found) return { member: found, inGroup: isInGroup(found) }
  const made = ensureMember(db, groupId, typed)
  db.update(members).set({ inGroup: false }).where(eq(members.id, made.id)).run()
  return { member: { ...made, inGroup: false }, inGroup: false }
}

/** A name outside the group: allowed (null) or the refusal past the group's limit of such names per enterer and sale. */
export function admitOutsider(
  db: Db,
  group: GroupRow,
  sale: SaleRow,
  outsider: MemberRow,
  by: MemberRow,
  itemId: number,
  now: number,
): Reply | null {
  const mine = and(eq(proxies.saleId, sale.id), eq(proxies.byMemberId, by.id), eq(proxies.state, 'counted'))
  const names = db
    .select({ memberId: proxies.memberId })
    .from(proxies)
    .where(mine)
    .all()
    .map((r) => r.memberId)
  if (names.includes(outsider.id)) return null
  const limit = groupById(db, group.id).proxyLimit
  if (names.length >= limit) {
    return {
      kind: 'notice',
      notice: 'refused',
      member: by.name,
      saleId: sale.id,
      payload: { reason: t('proxy.tooMany', { name: outsider.name, limit }) },
    }
  }
  db.insert(proxies)
    .values({
      saleId: sale.id,
      itemId,
      memberId: outsider.id,
      byMemberId: by.id,
      qty: 0,
      mode: 'add',
      held: 0,
      state: 'counted',
      createdAt: now,
    })
    .run()
  return null
}

const pendingOf = (db: Db, saleId: number, itemId: number, memberId: number, byId: number): ProxyRow | undefined =>
  db
    .select()
    .from(proxies)
    .where(
      and(
        eq(proxies.saleId, saleId),
        eq(proxies.itemId, itemId),
        eq(proxies.memberId, memberId),
        eq(proxies.byMemberId, byId),
        eq(proxies.state, 'pending'),
      ),
    )
    .get()

/** Units the entry would confirm for her now: what a hold keeps out of stock. */
function reserveFor(b: rules.Book, memberId: number, e: Entry): number {
  if (e.qty <= 0 && e.mode === 'add') return 0
  const r = rules.join(b, memberId, e.itemId, Math.max(0, e.qty), e.mode)
  return Math.max(0, r.confirmed - rules.confirmedOf(b, memberId, e.itemId))
}

/**
 * Entries made by `by` for `forMember`, a member of the group, in one open sale: each becomes
 * (or updates) a hold and a question for her in the next digest. An entry of 0 (the line taken
 * out, 帮Ann取消) drops the pending hold; it never takes away what she holds herself. Returns the
 * book with the holds, which the caller saves with its other changes.
 */
export function holdEntries(
  db: Db,
  sale: SaleRow,
  book: rules.Book,
  forMember: MemberRow,
  by: MemberRow,
  entries: Entry[],
  now: number,
): { book: rules.Book; replies: Reply[] } {
  let b = book
  const replies: Reply[] = []
  for (const e of entries) {
    const old = pendingOf(db, sale.id, e.itemId, forMember.id, by.id)
    if (old) b = rules.withHeld(b, e.itemId, -old.held)
    // 帮Ann+1 twice asks for 2; a 接龙 line states the total
    const merged: Entry = old && old.mode === 'add' && e.mode === 'add' ? { ...e, qty: old.qty + e.qty } : e
    if (merged.qty <= 0) {
      if (old) {
        db.update(proxies).set({ state: 'dropped' }).where(eq(proxies.id, old.id)).run()
        const p = rules.promote(b)
        b = p.book
        replies.push(...promotionNotices(db, sale, b, p.promotions))
      }
      continue
    }
    const held = reserveFor(b, forMember.id, merged)
    b = rules.withHeld(b, e.itemId, held)
    // a changed entry is asked again: its 30 minutes count from the new question
    const values = { qty: merged.qty, mode: merged.mode, held, askedIn: null, createdAt: now }
    let id: number
    if (old) {
      db.update(proxies).set(values).where(eq(proxies.id, old.id)).run()
      id = old.id
    } else {
      id = db
        .insert(proxies)
        .values({
          ...values,
          saleId: sale.id,
          itemId: e.itemId,
          memberId: forMember.id,
          byMemberId: by.id,
          state: 'pending',
        })
        .returning({ id: proxies.id })
        .get().id
    }
    const item = book.items.find((i) => i.id === e.itemId)?.name ?? ''
    replies.push({
      kind: 'notice',
      notice: 'proxyAsk',
      member: forMember.name,
      saleId: sale.id,
      payload: { hold: id, by: by.name, qty: merged.qty, item },
    })
  }
  return { book: b, replies }
}

/**
 * A 接龙 line under another person's name, entered by `by`: for a member, her holds (handled);
 * for a name outside the group, either the refusal past the limit (handled) or nothing to do
 * here (the line counts at once, as the caller applies it).
 */
export function proxyLine(
  db: Db,
  group: GroupRow,
  sale: SaleRow,
  book: rules.Book,
  owner: MemberRow,
  by: MemberRow,
  entries: Entry[],
  lottery: boolean,
  now: number,
): { handled: boolean; book: rules.Book | null; replies: Reply[] } {
  if (isInGroup(owner) && lottery)
    return {
      handled: true,
      book: null,
      replies: entries.some((e) => e.qty > 0) ? [lotteryRefusal(sale, owner, by)] : [],
    }
  if (isInGroup(owner)) {
    const h = holdEntries(db, sale, book, owner, by, entries, now)
    return { handled: true, book: h.book, replies: h.replies }
  }
  if (entries.every((e) => e.qty <= 0)) return { handled: false, book: null, replies: [] }
  const refused = admitOutsider(db, group, sale, owner, by, entries[0].itemId, now)
  return refused ? { handled: true, book: null, replies: [refused] } : { handled: false, book: null, replies: [] }
}

/** A draw takes entries from members themselves, never on their behalf. */
export const lotteryRefusal = (sale: SaleRow, target: MemberRow, by: MemberRow): Reply => ({
  kind: 'notice',
  notice: 'refused',
  member: by.name,
  saleId: sale.id,
  payload: { reason: t('proxy.lottery', { name: target.name }) },
})

/** 帮Ann取消 for a member: the enterer's pending holds for her in these sales go; her own orders stay. */
export function dropHolds(db: Db, open: SaleRow[], forMember: MemberRow, by: MemberRow, now: number): Reply[] {
  const replies: Reply[] = []
  for (const sale of open) {
    const rows = db
      .select()
      .from(proxies)
      .where(
        and(
          eq(proxies.saleId, sale.id),
          eq(proxies.memberId, forMember.id),
          eq(proxies.byMemberId, by.id),
          eq(proxies.state, 'pending'),
        ),
      )
      .all()
    if (rows.length === 0) continue
    const before = loadBook(db, sale)
    let b = before
    for (const r of rows) b = rules.withHeld(b, r.itemId, -r.held)
    db.update(proxies)
      .set({ state: 'dropped' })
      .where(
        inArray(
          proxies.id,
          rows.map((r) => r.id),
        ),
      )
      .run()
    const p = rules.promote(b)
    saveBook(db, sale.id, before, p.book, now)
    replies.push(...promotionNotices(db, sale, p.book, p.promotions))
  }
  return replies
}

/** 「确认」: every entry waiting for this member in the group's open sales counts now, through the sale rules. */
export function confirmHolds(db: Db, group: GroupRow, member: MemberRow, now: number): Reply[] {
  const rows = db
    .select({ p: proxies })
    .from(proxies)
    .innerJoin(sales, eq(proxies.saleId, sales.id))
    .where(
      and(
        eq(proxies.memberId, member.id),
        eq(proxies.state, 'pending'),
        eq(sales.groupId, group.id),
        eq(sales.state, 'open'),
      ),
    )
    .orderBy(proxies.id)
    .all()
    .map((r) => r.p)
  const replies: Reply[] = []
  for (const saleId of [...new Set(rows.map((r) => r.saleId))]) {
    const sale = saleById(db, saleId)
    const before = loadBook(db, sale)
    let book = before
    // the source is stamped after saveBook has written the order row
    const stamps: { before: rules.Book; after: rules.Book; itemId: number; by: string }[] = []
    for (const h of rows.filter((r) => r.saleId === saleId)) {
      db.update(proxies).set({ state: 'confirmed' }).where(eq(proxies.id, h.id)).run()
      const r = rules.confirmHeld(book, member.id, h.itemId, h.held, h.qty, h.mode)
      stamps.push({
        before: rules.withHeld(book, h.itemId, -h.held),
        after: r.book,
        itemId: h.itemId,
        by: memberById(db, h.byMemberId).name,
      })
      book = r.book
      replies.push(...joinNotices(sale, book, member, h.itemId, r), ...promotionNotices(db, sale, r.book, r.promotions))
    }
    saveBook(db, sale.id, before, book, now)
    for (const s of stamps) noteSource(db, sale.id, s.before, s.after, member.id, s.itemId, 'proxy', s.by, now)
    noteSoldOut(db, sale, book, now)
  }
  return replies
}

/** What a join did, as the digest says it (the same notices a member's own join gives). */
function joinNotices(sale: SaleRow, book: rules.Book, member: MemberRow, itemId: number, r: rules.JoinResult): Reply[] {
  const base = { member: member.name, saleId: sale.id }
  const item = book.items.find((i) => i.id === itemId)?.name ?? ''
  const out: Reply[] = []
  if (r.unchanged && !r.capped) return out
  if (r.confirmed + r.waiting === 0) out.push({ kind: 'notice', notice: 'cancelled', ...base, payload: { item } })
  else if (r.waiting > 0)
    out.push({ kind: 'notice', notice: 'waitlisted', ...base, payload: { got: r.confirmed, waiting: r.waiting, item } })
  else if (!r.capped) out.push({ kind: 'notice', notice: 'ack', ...base, payload: { qty: r.confirmed, item } })
  if (r.capped)
    out.push({
      kind: 'notice',
      notice: 'capped',
      ...base,
      payload: { limit: book.limit, got: r.confirmed + r.waiting },
    })
  return out
}

/**
 * Called when a digest is put in the outbox: the holds it asks about start their 30 minutes
 * once that message is sent (the job looks at its send time).
 */
export function noteAsked(db: Db, groupId: number, asked: { kind: string; payload: string }[], now: number): void {
  const ids = asked.filter((n) => n.kind === 'proxyAsk').map((n) => Number(JSON.parse(n.payload).hold))
  if (ids.length === 0) return
  const last = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(outbox.groupId, groupId))
    .orderBy(desc(outbox.id))
    .limit(1)
    .get()
  if (!last) return
  for (const id of ids) {
    const n = db
      .update(proxies)
      .set({ askedIn: last.id })
      .where(and(eq(proxies.id, id), eq(proxies.state, 'pending')))
      .run().changes
    if (n > 0) scheduleJob(db, PROXY_RELEASE_JOB, id, now + CONFIRM_MS)
  }
}

/** The release job (refId = proxies.id): unanswered 30 minutes after the asking digest went out, the hold ends. */
export async function releaseHoldJob(db: Db, holdId: number, now: number): Promise<void> {
  const h = db.select().from(proxies).where(eq(proxies.id, holdId)).get()
  // confirmed, dropped, or asked again in a later digest (whose own job counts from then)
  if (!h || h.state !== 'pending' || h.askedIn === null) return
  const sent = db
    .select({ sentAt: outbox.sentAt, failedAt: outbox.failedAt })
    .from(outbox)
    .where(eq(outbox.id, h.askedIn))
    .get()
  const from = sent?.sentAt ?? sent?.failedAt ?? null
  if (from === null) return scheduleJob(db, PROXY_RELEASE_JOB, h.id, now + UNSENT_RETRY_MS)
  if (from + CONFIRM_MS > now) return scheduleJob(db, PROXY_RELEASE_JOB, h.id, from + CONFIRM_MS)
  const sale = saleById(db, h.saleId)
  const before = loadBook(db, sale)
  db.update(proxies).set({ state: 'released' }).where(eq(proxies.id, h.id)).run()
  // an ended sale owes nothing for it and needs no word about it
  if (sale.state !== 'open') return
  const p = rules.promote(rules.withHeld(before, h.itemId, -h.held))
  saveBook(db, sale.id, before, p.book, now)
  const group = groupById(db, sale.groupId)
  const item = before.items.find((i) => i.id === h.itemId)?.name ?? ''
  const notices: Reply[] = [
    {
      kind: 'notice',
      notice: 'proxyReleased',
      member: memberById(db, h.byMemberId).name,
      saleId: sale.id,
      payload: { name: memberById(db, h.memberId).name, qty: h.qty, item, minutes: CONFIRM_MS / 60_000 },
    },
    ...promotionNotices(db, sale, p.book, p.promotions),
  ]
  for (const n of notices)
    if (n.kind === 'notice')
      addNotice(db, group, { kind: n.notice, member: n.member, saleId: n.saleId, payload: n.payload }, now, GATHER_MS)
}
