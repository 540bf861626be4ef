// WeChat's native 接龙 in the group: link a posted list to an open sale or intent, diff it
// against the previous list for that target, and turn each owner's changed lines into
// their join (or intent), a line under someone else's name into a 代接龙 for them.
import { eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { chains, intents, members, sales } from '../db/schema.js'
import {
  chainFormatText,
  diffByOwner,
  lineKey,
  MAX_ENTRIES,
  ownerMatcher,
  parseChain,
  type ChainEntry,
  type ChainList,
} from '../core/chain.js'
import { readOrder, type Reading } from '../core/reader.js'
import * as rules from '../core/sale.js'
import { formatTime } from '../core/deadline.js'
import { money } from '../core/render.js'
import { looseKey } from '../core/text.js'
import { t } from '../i18n/zh-CN.js'
import { loadBook, openSales, saleByNo, saveBook, type SaleRow } from './repo.js'
import { noteSoldOut, promotionNotices } from './sales.js'
import { deliveryFromJoin } from './delivery.js'
import { commitIntent, intentByNo, intentLabel, openIntents, type IntentRow } from './intents.js'
import { enterLottery, lotteryOpen, settleLotteries } from './lottery.js'
import { noteSource } from './orderSource.js'
import { askBack, userError, type GroupRow, type MemberRow, type Reply, type GroupCtx } from './types.js'
import { findSale, saleLabel } from '../services/sales.js'
import { proxyLine, proxyTarget } from '../services/proxy.js'

/**
 * A line of the last list. `first`: who first posted it (its owner in WeChat's sense: only they
 * can take it out); `anon`: it has no name part, so it counts for `first` for good; `long`: too long.
 */
type StoredLine = { owner: string; key: string; rest: string; first?: string; anon?: boolean; long?: boolean }
/** An entry of a list nothing claimed yet, with who first posted that line (for 代接龙 once it is linked). */
type Posted = ChainEntry & { by?: string }
type Unlinked = { title: string; titleKey: string; poster: string; entries: Posted[] }
/** chains.lines: the last list per target, which titles link where, the last list nothing claimed. */
type ChainState = {
  lists: Record<string, { title: string; entries: StoredLine[]; at?: number }>
  links: Record<string, string>
  unlinked: Unlinked | null
  pending: string | null
  hinted: string[]
  /** titles whose poster was told that entries past the 500th are not read (once per title) */
  toldTooMany?: string[]
}
export type Target = { kind: 'sale'; sale: SaleRow } | { kind: 'intent'; intent: IntentRow }
export type TargetRef = { kind: 'sale' | 'intent'; no: number }

const keyOf = (x: Target) => (x.kind === 'sale' ? `sale:${x.sale.id}` : `intent:${x.intent.id}`)
export const labelOf = (x: Target) => (x.kind === 'sale' ? saleLabel(x.sale) : intentLabel(x.intent))
const isOpen = (x: Target) => (x.kind === 'sale' ? x.sale.state === 'open' : x.intent.state === 'open')

function loadState(db: Db, groupId: number): ChainState {
  const row = db.select().from(chains).where(eq(chains.groupId, groupId)).get()
  const empty: ChainState = { lists: {}, links: {}, unlinked: null, pending: null, hinted: [] }
  if (!row) return empty
  try {
    const parsed = JSON.parse(row.lines) as Partial<ChainState>
    return { ...empty, ...parsed }
  } catch {
    return empty
  }
}

/** Lists of ended targets kept (so a re-post after the close is answered once, not each time). */
const ENDED_KEPT = 5

function saveState(db: Db, groupId: number, state: ChainState, target: Target | null, now: number): void {
  const ended = Object.keys(state.lists)
    .filter((key) => {
      const x = byKey(db, key)
      return !x || !isOpen(x)
    })
    .sort((a, b) => (state.lists[b].at ?? 0) - (state.lists[a].at ?? 0))
  for (const key of ended.slice(ENDED_KEPT)) delete state.lists[key]
  // a title stays linked while its target is open or its list is kept
  for (const [title, key] of Object.entries(state.links)) {
    if (state.lists[key]) continue
    const x = byKey(db, key)
    if (!x || !isOpen(x)) delete state.links[title]
  }
  const link = {
    saleId: target?.kind === 'sale' ? target.sale.id : null,
    intentId: target?.kind === 'intent' ? target.intent.id : null,
  }
  const lines = JSON.stringify(state)
  db.insert(chains)
    .values({ groupId, lines, updatedAt: now, ...link })
    .onConflictDoUpdate({ target: chains.groupId, set: { lines, updatedAt: now, ...(target ? link : {}) } })
    .run()
}

function byKey(db: Db, key: string): Target | null {
  const [kind, id] = key.split(':')
  if (kind === 'sale') {
    const sale = db
      .select()
      .from(sales)
      .where(eq(sales.id, Number(id)))
      .get()
    return sale ? { kind: 'sale', sale } : null
  }
  const intent = db
    .select()
    .from(intents)
    .where(eq(intents.id, Number(id)))
    .get()
  return intent ? { kind: 'intent', intent } : null
}

export function resolveRef(db: Db, group: GroupRow, ref: TargetRef): Target | null {
  if (ref.kind === 'sale') {
    const sale = saleByNo(db, group.id, ref.no)
    return sale ? { kind: 'sale', sale } : null
  }
  const intent = intentByNo(db, group.id, ref.no)
  return intent ? { kind: 'intent', intent } : null
}

/**
 * The target of a posted list: a title linked before, else the one open sale or intent
 * whose title the list's title contains (ignoring spaces and punctuation; the longest
 * such title when several do), else an organizer's pending `/chain link`.
 */
function findTarget(
  db: Db,
  group: GroupRow,
  state: ChainState,
  titleKey: string,
): { target: Target } | { ended: Target } | null {
  const linked = state.links[titleKey] ? byKey(db, state.links[titleKey]) : null
  if (linked && isOpen(linked)) return { target: linked }
  const candidates: Target[] = [
    ...openSales(db, group.id).map((sale) => ({ kind: 'sale' as const, sale })),
    ...openIntents(db, group.id).map((intent) => ({ kind: 'intent' as const, intent })),
  ].filter((x) => {
    const k = looseKey(x.kind === 'sale' ? x.sale.title : x.intent.title)
    return k !== '' && titleKey.includes(k)
  })
  const len = (x: Target) => looseKey(x.kind === 'sale' ? x.sale.title : x.intent.title).length
  const longest = Math.max(0, ...candidates.map(len))
  const best = candidates.filter((x) => len(x) === longest)
  if (best.length === 1) return { target: best[0] }
  if (best.length === 0 && state.pending) {
    const pending = byKey(db, state.pending)
    state.pending = null
    if (pending && isOpen(pending)) return { target: pending }
  }
  return linked ? { ended: linked } : null
}

function memberNamesAll(db: Db, groupId: number): string[] {
  return db
    .select({ name: members.name })
    .from(members)
    .where(eq(members.groupId, groupId))
    .all()
    .map((r) => r.name)
}

type Line = StoredLine & { no: number; content: string; tooLong: boolean; by?: string }

const stored = (ls: Line[], poster: string): StoredLine[] =>
  ls.map(({ owner, key: k, rest, first, by, anon, tooLong }) => ({
    owner,
    key: k,
    rest,
    first: first ?? by ?? poster,
    anon: anon === true,
    ...(tooLong ? { long: true } : {}),
  }))

/** A posted native 接龙. */
export function handleChainPost(ctx: GroupCtx): Reply[] {
  const list = parseChain(ctx.msg.text)
  if (!list) return []
  const { db, now } = ctx
  const group = ctx.group
  settleLotteries(db, group.id, now)
  const state = loadState(db, group.id)
  const titleKey = looseKey(list.title)
  const told = tellTooMany(state, titleKey, list.ignored, ctx.sender)
  const replies = readPost(ctx, list, state, titleKey)
  if (told.length > 0) saveState(db, group.id, state, null, now)
  return [...told, ...replies]
}

/** Entries past MAX_ENTRIES are ignored; the poster hears it once per list title. */
function tellTooMany(state: ChainState, titleKey: string, ignored: number, poster: string): Reply[] {
  const told = state.toldTooMany ?? []
  if (ignored === 0 || told.includes(titleKey)) return []
  state.toldTooMany = [...told.slice(-19), titleKey]
  return [
    {
      kind: 'notice',
      notice: 'refused',
      member: poster,
      payload: { reason: t('chain.tooMany', { max: MAX_ENTRIES, ignored }) },
    },
  ]
}

function readPost(ctx: GroupCtx, list: ChainList, state: ChainState, titleKey: string): Reply[] {
  const { db, now } = ctx
  const group = ctx.group
  const found = findTarget(db, group, state, titleKey)
  if (found === null) {
    // remember who first posted each line, so that a later /chain link credits them, not the last poster
    const earlier = new Map<string, string[]>()
    if (state.unlinked?.titleKey === titleKey) {
      for (const e of state.unlinked.entries)
        earlier.set(lineKey(e.content), [...(earlier.get(lineKey(e.content)) ?? []), e.by ?? state.unlinked.poster])
    }
    const entries = list.entries.map((e) => ({ ...e, by: earlier.get(lineKey(e.content))?.shift() ?? ctx.sender }))
    state.unlinked = { title: list.title, titleKey, poster: ctx.sender, entries }
    const replies: Reply[] = []
    // one hint per list title, and only when there is something it could have been for
    const firstSale = openSales(db, group.id)[0]
    const firstIntent = openIntents(db, group.id)[0]
    if ((firstSale || firstIntent) && !state.hinted.includes(titleKey)) {
      state.hinted = [...state.hinted.slice(-19), titleKey]
      const title = list.title || t('chain.untitled')
      const example = firstSale ? `/chain link ${firstSale.no}` : `/chain link 需求${firstIntent!.no}`
      replies.push(askBack(ctx.sender, t('chain.unlinked', { title, example })))
    }
    saveState(db, group.id, state, null, now)
    return replies
  }
  if ('ended' in found) {
    const key = keyOf(found.ended)
    const next = readLines(db, group, list.entries, ctx.sender, [], state.lists[key]?.entries ?? [])
    if (diffByOwner(state.lists[key]?.entries ?? [], next).owners.length === 0) return []
    // the changed list is kept, so the same re-post is not answered again
    state.lists[key] = { title: list.title, entries: stored(next, ctx.sender), at: now }
    saveState(db, group.id, state, null, now)
    return [
      {
        kind: 'notice',
        notice: 'refused',
        member: ctx.sender,
        payload: { reason: t('chain.closedTarget', { target: labelOf(found.ended) }) },
      },
    ]
  }
  state.links[titleKey] = keyOf(found.target)
  const replies = applyList(db, group, found.target, state, list.title, list.entries, ctx.sender, now)
  saveState(db, group.id, state, found.target, now)
  return replies
}

/** `/chain link 2`: the last unclaimed list goes to 团2 now, or the next one will. */
export function linkChain(ctx: GroupCtx, ref: TargetRef): Reply[] {
  const { db, now } = ctx
  const group = ctx.group
  const target = resolveRef(db, group, ref)
  const label = ref.kind === 'sale' ? `团${ref.no}` : `需求${ref.no}`
  if (!target) throw userError(ref.kind === 'sale' ? 'sale.notFound' : 'demand.notFound', { no: ref.no })
  if (!isOpen(target)) throw userError('chain.targetNotOpen', { target: label })
  settleLotteries(db, group.id, now)
  const state = loadState(db, group.id)
  const pending = state.unlinked
  if (!pending) {
    state.pending = keyOf(target)
    saveState(db, group.id, state, null, now)
    return [{ kind: 'say', text: t('chain.linkPending', { target: labelOf(target) }) }]
  }
  state.unlinked = null
  state.links[pending.titleKey] = keyOf(target)
  const replies = applyList(db, group, target, state, pending.title, pending.entries, pending.poster, now)
  saveState(db, group.id, state, target, now)
  const counted = new Set(['ack', 'waitlisted', 'capped', 'intentAck', 'lotteryEntry'])
  const people = new Set(replies.flatMap((r) => (r.kind === 'notice' && counted.has(r.notice) ? [r.member] : []))).size
  return [
    {
      kind: 'say',
      text: t('chain.linked', { title: pending.title || t('chain.untitled'), target: labelOf(target), n: people }),
    },
    ...replies,
  ]
}

/**
 * Whose each line is. A line's owner is fixed the first time it is seen: a line the previous
 * list had keeps its owner and first poster (a nameless line never moves to whoever re-posts
 * the list), and a line of the previous list that this one lacks stays unless the poster is
 * the one who first posted it (only they can take it out of a native 接龙).
 */
function readLines(
  db: Db,
  group: GroupRow,
  entries: Posted[],
  poster: string,
  variants: string[] = [],
  prev: StoredLine[] = [],
): Line[] {
  const ownerOf = ownerMatcher(memberNamesAll(db, group.id), variants)
  // the previous list's lines, queued by what identifies them, so each new line finds its
  // match in one look-up (a list of 500 lines, reordered, must not be searched pair by pair)
  // a line stored before `anon` was kept (anon undefined) may be matched either way
  const taken = new Set<number>()
  const queues = new Map<string, number[]>()
  const named = (owner: string, key: string) => `n\n${looseKey(owner)}\n${key}`
  const enqueueAt = (k: string, i: number) => {
    const q = queues.get(k)
    if (q) q.push(i)
    else queues.set(k, [i])
  }
  prev.forEach((p, i) => {
    if (p.anon !== true) enqueueAt(named(p.owner, p.key), i)
    if (p.anon === true) enqueueAt(`a\n${p.key}`, i)
    if (p.anon === undefined) enqueueAt(`u\n${p.key}`, i)
  })
  const take = (k: string): StoredLine | null => {
    const q = queues.get(k)
    while (q && q.length > 0) {
      const i = q.shift()!
      if (taken.has(i)) continue
      taken.add(i)
      return prev[i]
    }
    return null
  }
  const read = entries.map((e) => {
    const o = ownerOf(e.content, e.by ?? poster)
    return {
      owner: o.owner,
      rest: o.rest,
      key: lineKey(o.rest),
      no: e.no,
      content: e.content,
      tooLong: e.tooLong,
      by: e.by,
      anon: !o.named,
    } as Line
  })
  // named lines first (their owner is in the line), then nameless ones take the remaining lines
  for (const l of read.filter((x) => !x.anon)) {
    const seen = take(named(l.owner, l.key))
    if (seen?.first !== undefined) l.first = seen.first
  }
  for (const l of read.filter((x) => x.anon)) {
    // lists stored before `anon` was kept: any line with the same text
    const seen = take(`a\n${l.key}`) ?? take(`u\n${l.key}`)
    if (seen) {
      l.owner = seen.owner
      l.first = seen.first ?? seen.owner
    }
  }
  const me = looseKey(poster)
  const kept = prev
    .filter((p, i) => !taken.has(i) && looseKey(p.first ?? p.owner) !== me)
    .map((p): Line => ({ ...p, no: 0, content: p.rest, tooLong: p.long === true }))
  return [...read, ...kept]
}

type Want = { items: Map<number, number>; words: string[]; problems: { line: Line; reason: string }[] }

/** A line as the join reader reads it, the target being the only sale it knows. */
function readEntry(
  rest: string,
  no: number,
  title: string,
  items: { id: number; name: string }[],
): { ok: true; r: Reading & { kind: 'order' } } | { ok: false; reason: string } {
  const r = readOrder(rest, { sales: [{ no, title, items }] }, 'line')
  if (r.kind === 'order') return { ok: true, r }
  if (r.kind !== 'ask') return { ok: true, r: { kind: 'order', changes: [], words: '', text: rest, forName: null } }
  if (r.reason === 'whichVariant')
    return { ok: false, reason: t('chain.reason.whichVariant', { variants: items.map((i) => i.name).join(' / ') }) }
  return { ok: false, reason: t(r.reason === 'badNumber' ? 'chain.reason.badNumber' : 'chain.reason.manyNumbers') }
}

/** What an owner's lines ask for in a sale: units per item, the lines' words, unreadable lines. */
function wantsInSale(sale: SaleRow, book: rules.Book, lines: (StoredLine & Partial<Line>)[]): Want {
  const w: Want = { items: new Map(), words: [], problems: [] }
  const items = book.items.map((i) => ({ id: i.id, name: i.name }))
  for (const l of lines) {
    if (l.tooLong) {
      w.problems.push({ line: l as Line, reason: t('chain.reason.tooLong') })
      continue
    }
    const e = readEntry(l.rest, sale.no, sale.title, items)
    if (!e.ok) {
      w.problems.push({ line: l as Line, reason: e.reason })
      continue
    }
    for (const c of e.r.changes)
      if (c.op === 'set' || c.op === 'add') w.items.set(c.item, (w.items.get(c.item) ?? 0) + c.qty)
    if (e.r.text) w.words.push(e.r.text)
  }
  return w
}

function wantsInIntent(
  intent: IntentRow,
  lines: (StoredLine & Partial<Line>)[],
): { qty: number; words: string[]; problems: { line: Line; reason: string }[] } {
  const w = { qty: 0, words: [] as string[], problems: [] as { line: Line; reason: string }[] }
  for (const l of lines) {
    if (l.tooLong) {
      w.problems.push({ line: l as Line, reason: t('chain.reason.tooLong') })
      continue
    }
    const e = readEntry(l.rest, 0, intent.title, [{ id: 0, name: '' }])
    if (!e.ok) {
      w.problems.push({ line: l as Line, reason: e.reason })
      continue
    }
    for (const c of e.r.changes) if (c.op === 'set' || c.op === 'add') w.qty += c.qty
    if (e.r.words) w.words.push(e.r.words)
  }
  return w
}

/**
 * Diff `entries` against the target's previous list and apply what changed, owner by owner.
 * Problems are reported only for lines the owner did not have before (so once).
 */
function applyList(
  db: Db,
  group: GroupRow,
  target: Target,
  state: ChainState,
  title: string,
  entries: Posted[],
  poster: string,
  now: number,
): Reply[] {
  const key = keyOf(target)
  const prev = state.lists[key]?.entries ?? []
  const variants =
    target.kind === 'sale'
      ? loadBook(db, target.sale)
          .items.map((i) => i.name)
          .filter(Boolean)
      : []
  const next = readLines(db, group, entries, poster, variants, prev)
  state.lists[key] = { title, entries: stored(next, poster), at: now }
  const diff = diffByOwner(prev, next)
  if (diff.owners.length === 0) return []
  const fresh = new Map<string, number>()
  for (const f of diff.fresh)
    fresh.set(`${looseKey(f.owner)}\n${f.key}`, (fresh.get(`${looseKey(f.owner)}\n${f.key}`) ?? 0) + 1)
  const isFresh = (l: Line) => {
    const k = `${looseKey(l.owner)}\n${l.key}`
    const n = fresh.get(k) ?? 0
    if (n > 0) fresh.set(k, n - 1)
    return n > 0
  }
  const label = labelOf(target)
  const saleId = target.kind === 'sale' ? target.sale.id : undefined
  const replies: Reply[] = []
  const problem = (l: Line, reason: string): Reply => ({
    kind: 'notice',
    notice: 'chainSkipped',
    member: l.by ?? poster,
    saleId,
    payload: {
      target: label,
      no: l.no,
      content: l.content.length > 40 ? `${[...l.content].slice(0, 40).join('')}…` : l.content,
      reason,
    },
  })
  // each list's lines by owner, computed once: lists run to hundreds of lines
  const byOwner = <T extends StoredLine>(ls: T[]) => {
    const m = new Map<string, T[]>()
    for (const l of ls) {
      const k = looseKey(l.owner)
      const mine = m.get(k)
      if (mine) mine.push(l)
      else m.set(k, [l])
    }
    return m
  }
  const known = new Map(
    db
      .select()
      .from(members)
      .where(eq(members.groupId, group.id))
      .all()
      .map((m) => [m.name, m as MemberRow]),
  )
  // a name that matches nobody is recorded as written, as someone outside the group
  const memberOf = (owner: string) => known.get(owner) ?? proxyTarget(db, group.id, owner).member
  const nextBy = byOwner(next)
  const prevBy = byOwner(prev)
  const mineOf = <T extends StoredLine>(ls: T[], owner: string): T[] =>
    (((ls as StoredLine[]) === next ? nextBy : prevBy).get(looseKey(owner)) as T[]) ?? []
  // who entered an owner's lines: this post's poster, or whoever first posted them before a /chain link
  const enteredBy = (owner: string) => mineOf(next, owner).find((l) => l.by !== undefined)?.by ?? poster

  if (target.kind === 'intent') {
    for (const owner of diff.owners) {
      const now_ = wantsInIntent(target.intent, mineOf(next, owner))
      const before = wantsInIntent(target.intent, mineOf(prev, owner))
      for (const p of now_.problems) if (isFresh(p.line)) replies.push(problem(p.line, p.reason))
      if (now_.qty === before.qty && now_.words.join(' ') === before.words.join(' ')) continue
      const member = memberOf(owner)
      const intent = db.select().from(intents).where(eq(intents.id, target.intent.id)).get()!
      replies.push(...commitIntent(db, group, intent, member, now_.qty, 'set', now_.words.join(' '), now))
      const by = enteredBy(owner)
      if (looseKey(owner) !== looseKey(by) && now_.qty > 0)
        replies.push({ kind: 'notice', notice: 'chainProxy', member: by, payload: { target: label, name: owner } })
    }
    return replies
  }

  const sale = target.sale
  const original = loadBook(db, sale)
  let book = original
  const lottery = lotteryOpen(db, sale, now)
  const stamps: { before: rules.Book; after: rules.Book; member: MemberRow; itemId: number; by: string | null }[] = []
  for (const owner of diff.owners) {
    const want = wantsInSale(sale, original, mineOf(next, owner))
    const had = wantsInSale(sale, original, mineOf(prev, owner))
    for (const p of want.problems) if (isFresh(p.line)) replies.push(problem(p.line, p.reason))
    const changes = [...new Set([...want.items.keys(), ...had.items.keys()])].filter(
      (i) => (want.items.get(i) ?? 0) !== (had.items.get(i) ?? 0),
    )
    if (changes.length === 0) continue
    const member = memberOf(owner)
    const by = enteredBy(owner)
    const proxy = looseKey(owner) !== looseKey(by)
    if (proxy) {
      // someone else's line: held for a member's 「确认」, or one of the enterer's outside names
      const p = proxyLine(
        db,
        group,
        sale,
        book,
        member,
        memberOf(by),
        changes.map((itemId) => ({ itemId, qty: want.items.get(itemId) ?? 0, mode: 'set' as const })),
        lottery,
        now,
      )
      replies.push(...p.replies)
      if (p.book !== null) book = p.book
      if (p.handled) continue
    }
    for (const itemId of changes) {
      const qty = want.items.get(itemId) ?? 0
      const itemName = original.items.find((i) => i.id === itemId)!.name
      const base = { member: member.name, saleId: sale.id }
      if (lottery) {
        replies.push(...enterLottery(db, sale, book, member, itemId, qty, 'set', now))
        continue
      }
      const r = rules.join(book, member.id, itemId, qty, 'set')
      if (r.unchanged && !r.capped) continue
      stamps.push({ before: book, after: r.book, member, itemId, by: proxy ? by : null })
      book = r.book
      if (r.confirmed + r.waiting === 0)
        replies.push({ kind: 'notice', notice: 'cancelled', ...base, payload: { item: itemName } })
      else if (r.waiting > 0)
        replies.push({
          kind: 'notice',
          notice: 'waitlisted',
          ...base,
          payload: { got: r.confirmed, waiting: r.waiting, item: itemName },
        })
      else if (!r.capped)
        replies.push({ kind: 'notice', notice: 'ack', ...base, payload: { qty: r.confirmed, item: itemName } })
      if (r.capped)
        replies.push({
          kind: 'notice',
          notice: 'capped',
          ...base,
          payload: { limit: book.limit, got: r.confirmed + r.waiting },
        })
      replies.push(...promotionNotices(db, sale, r.book, r.promotions))
    }
    if (proxy && [...want.items.values()].some((q) => q > 0))
      replies.push({
        kind: 'notice',
        notice: 'chainProxy',
        member: by,
        saleId: sale.id,
        payload: { target: label, name: member.name },
      })
    if (want.words.length > 0) replies.push(...deliveryFromJoin(db, sale, member, want.words.join(' ')))
  }
  if (book !== original) {
    saveBook(db, sale.id, original, book, now)
    for (const s of stamps)
      noteSource(db, sale.id, s.before, s.after, s.member.id, s.itemId, s.by ? 'proxy' : 'chain', s.by, now)
    noteSoldOut(db, db.select().from(sales).where(eq(sales.id, sale.id)).get()!, book, now)
  }
  return replies
}

// ------------------------------------------------------------------ /chain: the ready-to-copy text

/** The sale or intent `/chain` is about: by number, the only open sale, else the only open intent. */
function formatTarget(ctx: GroupCtx, ref: TargetRef | null): Target {
  const { db } = ctx
  const group = ctx.group
  if (ref !== null) {
    const x = resolveRef(db, group, ref)
    if (!x) throw userError(ref.kind === 'sale' ? 'sale.notFound' : 'demand.notFound', { no: ref.no })
    return x
  }
  // no open sale: the only open intent is meant
  const found = findSale(db, group, {
    ref: null,
    need: 'open',
    among: openSales(db, group.id),
    phase: 'open',
    example: (no) => `/chain ${no}`,
    none: null,
  })
  if (found.ok) return { kind: 'sale', sale: found.sale }
  if (found.refusal) throw found.refusal
  const ints = openIntents(db, group.id)
  if (ints.length === 1) return { kind: 'intent', intent: ints[0] }
  if (ints.length > 1)
    throw userError(
      'demand.which',
      { choices: ints.map(intentLabel).join('、'), example: `/chain 需求${ints[0].no}` },
      { via: 'digest' },
    )
  throw userError('chain.nothingOpen')
}

export function chainFormat(ctx: GroupCtx, ref: TargetRef | null): Reply[] {
  const x = formatTarget(ctx, ref)
  const tz = ctx.group.tz
  if (x.kind === 'intent') {
    const i = x.intent
    return [
      {
        kind: 'say',
        text: chainFormatText({
          label: `需求${i.no}`,
          title: i.title,
          terms: i.targetPriceFen === null ? [] : [t('chain.termTarget', { price: money(i.targetPriceFen) })],
          example: t('chain.exampleLine', { variant: null }),
          hint: t('chain.hint'),
        }),
      },
    ]
  }
  const s = x.sale
  const book = loadBook(ctx.db, s)
  const variants = book.items.filter((i) => i.name !== '')
  const terms = [
    t('chain.termPrice', {
      price: money(variants.length > 0 ? Math.min(...variants.map((v) => v.priceFen)) : s.priceFen),
    }),
  ]
  if (s.stock !== null) terms.push(t('chain.termStock', { stock: s.stock }))
  terms.push(t('chain.termDeadline', { at: formatTime(s.deadline, ctx.now, tz) }))
  return [
    {
      kind: 'say',
      text: chainFormatText({
        label: `团${s.no}`,
        title: s.title,
        terms,
        example: t('chain.exampleLine', { variant: variants[0]?.name ?? null }),
        hint: t('chain.hint'),
      }),
    },
  ]
}
