// Which group and sale a post-close command is about. In a group: that group. In a private
// chat: the groups the sender organizes (owner or admin) or belongs to; with several, a word
// of the group's name in the command picks one (`/stats 团1 烘焙`), otherwise one question back.
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, members, sales } from '../db/schema.js'
import { looseKey } from '../core/text.js'
import { addNotice, saleByNo, type SaleRow } from './repo.js'
import { orderOf, type MemberOrder } from './fulfilment.js'
import { organizerGroups } from '../services/roles.js'
import { requireSale, requireSucceeded, saleLabel, whichSale, type Need } from '../services/sales.js'
import { userError, type Ctx, type GroupRow, type NoticeKind, type Reply } from './types.js'
import type { Scoped } from './target.js'

/** How long a notice sent from a private chat waits for others to fold into the same digest. */
export const GATHER_MS = 3000

/** The groups the contact is a member of, by contact id: a name someone else can take picks none. */
export function memberGroups(db: Db, contactId: string): GroupRow[] {
  return db
    .select({ g: groups })
    .from(members)
    .innerJoin(groups, eq(members.groupId, groups.id))
    .where(eq(members.contactId, contactId))
    .all()
    .map((r) => r.g)
    .sort((a, b) => a.id - b.id)
}

/** A member's private command from a contact in none of the bot's groups gets one short refusal. */
export function requireSomeGroup(ctx: Ctx): void {
  if (!ctx.group && memberGroups(ctx.db, ctx.senderId).length === 0) throw userError('scope.noGroup')
}

/** The group a command is for, and the command's words without the group's name. */
export function chooseGroup(ctx: Ctx, rest: string, role: 'organizer' | 'member'): { group: GroupRow; rest: string } {
  if (ctx.group) return { group: ctx.group, rest }
  const candidates = role === 'organizer' ? organizerGroups(ctx.db, ctx.senderId) : memberGroups(ctx.db, ctx.senderId)
  if (candidates.length === 0) throw userError(role === 'organizer' ? 'scope.notOrganizer' : 'scope.noGroup')
  const [first, ...more] = rest.split('\n')
  const tokens = first.split(/\s+/).filter(Boolean)
  for (const [i, tok] of tokens.entries()) {
    const key = looseKey(tok)
    if (key.length < 2) continue
    const hits = candidates.filter((g) => looseKey(g.topic) === key || looseKey(g.topic).includes(key))
    if (hits.length !== 1) continue
    const left = [tokens.filter((_, j) => j !== i).join(' '), ...more].join('\n').trim()
    return { group: hits[0], rest: left }
  }
  if (candidates.length === 1) return { group: candidates[0], rest }
  throw userError('scope.whichGroup', {
    groups: candidates.map((g) => g.topic).join('、'),
    example: candidates[0].topic,
  })
}

/** Succeeded sales still being delivered, newest first. */
export function fulfilmentSales(db: Db, groupId: number): SaleRow[] {
  return db
    .select()
    .from(sales)
    .where(and(eq(sales.groupId, groupId), eq(sales.state, 'succeeded'), isNull(sales.completedAt)))
    .orderBy(desc(sales.no))
    .all()
}

/** Every sale of the group, newest first. */
export function groupSales(db: Db, groupId: number): SaleRow[] {
  return db.select().from(sales).where(eq(sales.groupId, groupId)).orderBy(desc(sales.no)).all()
}

/** A notice for a group's digest, from a group command (a reply) or a private one (queued directly). */
export function noticeFor(
  ctx: Ctx,
  group: GroupRow,
  n: { notice: NoticeKind; member: string; saleId?: number; payload: Record<string, unknown> },
): Reply[] {
  if (ctx.group && ctx.group.id === group.id) return [{ kind: 'notice', ...n }]
  addNotice(
    ctx.db,
    group,
    { kind: n.notice, member: n.member, saleId: n.saleId, payload: n.payload },
    ctx.now,
    GATHER_MS,
  )
  return []
}

/** Several candidate groups narrowed by a word of one group's name, if the text has one. */
function narrowGroups(candidates: GroupRow[], rest: string): { groups: GroupRow[]; rest: string } {
  const [first, ...more] = rest.split('\n')
  const tokens = first.split(/\s+/).filter(Boolean)
  for (const [i, tok] of tokens.entries()) {
    const key = looseKey(tok)
    if (key.length < 2) continue
    const hits = candidates.filter((g) => looseKey(g.topic).includes(key))
    if (hits.length === 1)
      return { groups: hits, rest: [tokens.filter((_, j) => j !== i).join(' '), ...more].join('\n').trim() }
  }
  return { groups: candidates, rest }
}

export type MineHit = { group: GroupRow; sale: SaleRow; member: { id: number; name: string } }

/**
 * A member's own orders that a command may be about: in this group, or privately in every
 * group the member is in. `salesOf` gives each group's candidate sales, newest first.
 */
export function memberHits(
  ctx: Ctx,
  scoped: Scoped,
  salesOf: (groupId: number) => SaleRow[],
  keep: (sale: SaleRow, memberId: number) => boolean,
  need: Need = 'any',
): { hits: MineHit[]; rest: string; ref: number | null } {
  const base = ctx.group
    ? { groups: [ctx.group], rest: scoped.words }
    : narrowGroups(memberGroups(ctx.db, ctx.senderId), scoped.words)
  const r = { ref: scoped.ref, text: base.rest }
  const hits: MineHit[] = []
  let refused: SaleRow | undefined
  for (const g of base.groups) {
    const m = ctx.group
      ? ctx.member
      : ctx.db
          .select()
          .from(members)
          .where(and(eq(members.groupId, g.id), eq(members.contactId, ctx.senderId)))
          .get()
    if (!m) continue
    const list = r.ref !== null ? [saleByNo(ctx.db, g.id, r.ref)].filter((s): s is SaleRow => !!s) : salesOf(g.id)
    for (const s of list) {
      if (need === 'succeeded' && s.state !== 'succeeded') {
        refused ??= s
        continue
      }
      if (keep(s, m.id)) hits.push({ group: g, sale: s, member: { id: m.id, name: m.name } })
    }
  }
  // 团N named a sale that is not (or no longer) in its after-sale phase: say why, not "no order"
  if (hits.length === 0 && refused) requireSucceeded(refused)
  return { hits, rest: r.text, ref: r.ref }
}

/** Exactly one hit, or a short question naming the choices. */
export function oneHit(ctx: Ctx, hits: MineHit[], none: () => Error, example: string): MineHit {
  if (hits.length === 1) return hits[0]
  if (hits.length === 0) throw none()
  const label = (h: MineHit) => `${ctx.group ? '' : `[${h.group.topic}] `}${saleLabel(h.sale)}`
  throw whichSale(hits.map(label), `${example} 团${hits[0].sale.no}`, false)
}

/** Members named with @ in a command (`/paid @Lily @Tom`), resolved against the group; the rest of the text. */
export function mentionedIn(
  ctx: Ctx,
  group: GroupRow,
  rest: string,
): { names: string[]; unknown: string[]; rest: string } {
  const all = ctx.db
    .select({ name: members.name })
    .from(members)
    .where(eq(members.groupId, group.id))
    .all()
    .map((r) => r.name)
  const byLength = [...all].sort((a, b) => b.length - a.length)
  const names = new Set<string>((ctx.msg.mentions ?? []).filter((n) => all.includes(n)))
  const unknown: string[] = []
  let left = rest
  const re = /@([^@\n]+)/g
  for (const m of rest.matchAll(re)) {
    const piece = m[1].trim()
    const hit =
      byLength.find((n) => piece === n || piece.startsWith(n + ' ') || piece.startsWith(n)) ??
      byLength.find((n) => looseKey(n) === looseKey(piece.split(/\s+/)[0]))
    if (hit) {
      names.add(hit)
      left = left.replace(`@${hit}`, ' ')
    } else {
      unknown.push(piece.split(/\s+/)[0])
      left = left.replace(`@${piece.split(/\s+/)[0]}`, ' ')
    }
  }
  return { names: [...names], unknown, rest: left.replace(/[ \t]+/g, ' ').trim() }
}

/**
 * An organizer acting on named members: `/paid @Lily @Tom [团1]`, `/unpaid @Lily`, `/picked @Lily`.
 * Each name is resolved to the member's order in one succeeded sale; null when no name is given.
 */
export function forNamed(
  ctx: Ctx,
  { ref, words }: Scoped,
  each: (hit: { group: GroupRow; sale: SaleRow; name: string; order: MemberOrder }) => Reply[],
): Reply[] | null {
  const { group, rest: left } = chooseGroup(ctx, words, 'organizer')
  const who = mentionedIn(ctx, group, left)
  if (who.names.length === 0 && who.unknown.length === 0) return null
  if (who.unknown.length > 0) throw userError('admin.notFound', { name: who.unknown[0] })
  const replies: Reply[] = []
  for (const name of who.names) {
    const m = ctx.db
      .select()
      .from(members)
      .where(and(eq(members.groupId, group.id), eq(members.name, name)))
      .get()!
    const candidates = fulfilmentSales(ctx.db, group.id).filter((s) => orderOf(ctx.db, s, m.id) !== undefined)
    if (ref === null && candidates.length === 0) throw userError('pay.nothingFor', { name })
    const sale = requireSale(ctx.db, group, {
      ref,
      need: 'succeeded',
      among: candidates,
      phase: 'any',
      example: (no) => `/paid @${name} 团${no}`,
      none: 'scope.noSale',
    })
    const order = orderOf(ctx.db, sale, m.id)
    if (!order) throw userError('pay.nothingFor', { name })
    replies.push(...each({ group, sale, name, order }))
  }
  return replies
}
