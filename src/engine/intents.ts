// Intents (意向) in the database: propose, commit, withdraw, route a join between sales
// and intents, the threshold alert, quiet expiry, and launching a sale from an intent.
// sales.ts calls into this module at launch, so it must never import sales.ts.
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, intentCommits, intents, members, sales } from '../db/schema.js'
import type { JoinIntent } from '../core/join.js'
import {
  byStrength,
  confirmList,
  hasPriceLine,
  intentLine,
  noteOf,
  packageText,
  parseLaunchFrom,
  totalOf,
  type Commit,
  type IntentView,
  type WantSpec,
} from '../core/intent.js'
import { Mentions, money } from '../core/render.js'
import { looseKey } from '../core/text.js'
import { t, yuan } from '../i18n/zh-CN.js'
import { scheduleJob } from './jobs.js'
import { enqueue, groupById, loadBook, openSales, type SaleRow } from './repo.js'
import { namedItems } from './pick.js'
import { settleLotteries } from './lottery.js'
import { DAY_MS, MENTION_CAP } from './demandKit.js'
import { organizerNames } from '../services/roles.js'
import { askBack, userError, type GroupRow, type MemberRow, type Reply, type GroupCtx } from './types.js'
import { linkIntent, saleLabel } from '../services/sales.js'

export type IntentRow = typeof intents.$inferSelect
/** A join as the join command reads it, with an optional `#需求3`. */
export type RoutedJoin = JoinIntent & { intentRef?: number | null }

export const INTENT_EXPIRE_JOB = 'intent.expire'
const MAX_QTY = 999

export const intentLabel = (i: { no: number; title: string }) => `需求${i.no} ${i.title}`

export function openIntents(db: Db, groupId: number): IntentRow[] {
  return db
    .select()
    .from(intents)
    .where(and(eq(intents.groupId, groupId), eq(intents.state, 'open')))
    .orderBy(asc(intents.no))
    .all()
}

export function intentByNo(db: Db, groupId: number, no: number): IntentRow | undefined {
  return db
    .select()
    .from(intents)
    .where(and(eq(intents.groupId, groupId), eq(intents.no, no)))
    .get()
}

export function commitsOf(db: Db, intentId: number): (Commit & { memberId: number })[] {
  return db
    .select({
      memberId: intentCommits.memberId,
      name: members.name,
      qty: intentCommits.qty,
      note: intentCommits.note,
      firstAt: intentCommits.firstAt,
      updatedAt: intentCommits.updatedAt,
    })
    .from(intentCommits)
    .innerJoin(members, eq(intentCommits.memberId, members.id))
    .where(eq(intentCommits.intentId, intentId))
    .orderBy(asc(intentCommits.firstAt), asc(intentCommits.id))
    .all()
}

export function intentView(db: Db, i: IntentRow): IntentView {
  const saleNo =
    i.saleId === null ? null : (db.select({ no: sales.no }).from(sales).where(eq(sales.id, i.saleId)).get()?.no ?? null)
  return {
    no: i.no,
    title: i.title,
    targetPriceFen: i.targetPriceFen,
    threshold: i.threshold,
    state: i.state,
    createdAt: i.createdAt,
    provenAt: i.provenAt,
    saleNo,
  }
}

export function createIntent(db: Db, group: GroupRow, by: MemberRow, spec: WantSpec, now: number): Reply[] {
  const no = group.nextIntentNo
  db.update(groups)
    .set({ nextIntentNo: no + 1 })
    .where(eq(groups.id, group.id))
    .run()
  const row = db
    .insert(intents)
    .values({
      groupId: group.id,
      no,
      title: spec.title,
      targetPriceFen: spec.targetPriceFen,
      threshold: spec.threshold,
      createdBy: by.id,
      createdAt: now,
    })
    .returning()
    .get()
  scheduleJob(db, INTENT_EXPIRE_JOB, row.id, now + group.intentDays * DAY_MS)
  const price = spec.targetPriceFen === null ? null : money(spec.targetPriceFen)
  return [
    {
      kind: 'say',
      text: t('demand.posted', { no, title: spec.title, price, threshold: spec.threshold }),
      tag: 'event',
    },
  ]
}

/** `/demand`: open intents, strongest first. */
export function listIntents(db: Db, group: GroupRow): Reply[] {
  const open = openIntents(db, group.id).map((i) => ({ i, commits: commitsOf(db, i.id) }))
  if (open.length === 0) return [{ kind: 'say', text: t('demand.none') }]
  const lines = byStrength(open).map(({ i, commits }) => intentLine(intentView(db, i), commits))
  return [{ kind: 'say', text: [t('demand.listHeader'), ...lines, t('demand.listHint')].join('\n') }]
}

/** `/demand 3`: the demand package. */
export function showPackage(db: Db, group: GroupRow, no: number, now: number): Reply[] {
  const i = intentByNo(db, group.id, no)
  if (!i) throw userError('demand.notFound', { no })
  return [{ kind: 'say', text: packageText(intentView(db, i), commitsOf(db, i.id), now, group.tz) }]
}

function totalsOf(db: Db, intentId: number): { total: number; members: number } {
  const c = commitsOf(db, intentId)
  return { total: totalOf(c), members: c.length }
}

/** Words of a join that are neither filler nor the intent's own title: the member's note (大果, 无盐). */
function noteFor(intent: IntentRow, rest: string): string | null {
  const title = looseKey(intent.title)
  const words = rest.split(/\s+/).filter((w) => w !== '' && !title.includes(looseKey(w)))
  return noteOf(words.join(' '))
}

/**
 * Set a member's intended total ('add' adds on top); 0 withdraws. Nobody owes anything.
 * When the total first reaches the threshold, the organizers are @mentioned once.
 */
export function commitIntent(
  db: Db,
  group: GroupRow,
  intent: IntentRow,
  member: { id: number; name: string },
  qty: number,
  mode: 'set' | 'add',
  rest: string,
  now: number,
): Reply[] {
  if (intent.state !== 'open')
    throw userError('demand.notOpen', { no: intent.no, state: t(`demand.state.${intent.state}`) }, { via: 'digest' })
  const had = db
    .select()
    .from(intentCommits)
    .where(and(eq(intentCommits.intentId, intent.id), eq(intentCommits.memberId, member.id)))
    .get()
  const current = had?.qty ?? 0
  const target = Math.min(MAX_QTY, mode === 'add' ? current + qty : qty)
  const note = noteFor(intent, rest) ?? had?.note ?? null
  if (target === 0) return withdraw(db, intent, member)
  if (target === current && note === (had?.note ?? null)) return []
  if (had) db.update(intentCommits).set({ qty: target, note, updatedAt: now }).where(eq(intentCommits.id, had.id)).run()
  else
    db.insert(intentCommits)
      .values({ intentId: intent.id, memberId: member.id, qty: target, note, firstAt: now, updatedAt: now })
      .run()
  db.update(intents).set({ lastCommitAt: now }).where(eq(intents.id, intent.id)).run()
  const totals = totalsOf(db, intent.id)
  if (intent.threshold !== null && intent.provenAt === null && totals.total >= intent.threshold) {
    db.update(intents).set({ provenAt: now }).where(eq(intents.id, intent.id)).run()
    const m = new Mentions(MENTION_CAP)
    const who =
      organizerNames(db, group)
        .map((n) => m.at(n))
        .join(' ') || t('demand.organizers')
    enqueue(
      db,
      {
        groupId: group.id,
        kind: 'event',
        mentions: m.names,
        text: t('demand.proven', {
          no: intent.no,
          title: intent.title,
          total: totals.total,
          members: totals.members,
          threshold: intent.threshold,
          who,
        }),
      },
      now,
    )
  }
  return [
    {
      kind: 'notice',
      notice: 'intentAck',
      member: member.name,
      payload: { intent: intent.no, title: intent.title, qty: target, threshold: intent.threshold, ...totals },
    },
  ]
}

function withdraw(db: Db, intent: IntentRow, member: { id: number; name: string }): Reply[] {
  const r = db
    .delete(intentCommits)
    .where(and(eq(intentCommits.intentId, intent.id), eq(intentCommits.memberId, member.id)))
    .run()
  if (r.changes === 0) return []
  return [
    {
      kind: 'notice',
      notice: 'intentWithdrawn',
      member: member.name,
      payload: { intent: intent.no, title: intent.title, threshold: intent.threshold, ...totalsOf(db, intent.id) },
    },
  ]
}

/**
 * `取消 #需求3`, or a bare `取消` when the member has nothing in a sale: withdraw intent.
 * Returns null when there is nothing intent-related to do.
 */
export function withdrawFromQuit(ctx: GroupCtx, intentRef: number | null): Reply[] | null {
  const group = ctx.group
  const member = ctx.member
  if (intentRef !== null) {
    const i = intentByNo(ctx.db, group.id, intentRef)
    if (!i) throw userError('demand.notFound', { no: intentRef }, { via: 'digest' })
    if (i.state !== 'open')
      throw userError('demand.notOpen', { no: i.no, state: t(`demand.state.${i.state}`) }, { via: 'digest' })
    const r = withdraw(ctx.db, i, member)
    if (r.length === 0) throw userError('demand.nothingToWithdraw', { no: i.no }, { via: 'digest' })
    return r
  }
  const mine = openIntents(ctx.db, group.id).filter((i) =>
    commitsOf(ctx.db, i.id).some((c) => c.memberId === member.id),
  )
  if (mine.length === 0) return null
  if (mine.length > 1)
    throw userError('demand.whichCancel', { choices: mine.map(intentLabel).join('、') }, { via: 'digest' })
  return withdraw(ctx.db, mine[0], member)
}

const words = (rest: string) =>
  rest
    .split(/[\s,，、.。!！?？]+/)
    .map(looseKey)
    .filter((w) => w.length >= 2)

/**
 * Where a join goes once intents are open: `#需求3`, a title word only one sale or intent
 * has, the only intent when no sale is open. Otherwise one question back, never a guess.
 * Returns null to leave the join to the sale path unchanged.
 */
export function routeJoin(ctx: GroupCtx, j: RoutedJoin): Reply[] | null {
  const { db, now } = ctx
  const group = ctx.group
  const member = ctx.member
  settleLotteries(db, group.id, now)
  const ask = (question: string): Reply[] => [askBack(member.name, question)]
  const commit = (i: IntentRow) => commitIntent(db, group, i, member, j.quantity, j.mode, j.rest, now)
  if (j.intentRef !== undefined && j.intentRef !== null) {
    const i = intentByNo(db, group.id, j.intentRef)
    if (!i) return ask(t('demand.notFound', { no: j.intentRef }))
    return commit(i)
  }
  if (j.saleRef !== null) return null
  const open = openIntents(db, group.id)
  if (open.length === 0) return null
  const sale = openSales(db, group.id)
  const ws = words(j.rest)
  const hit = (title: string) => ws.some((w) => looseKey(title).includes(w))
  const iHits = open.filter((i) => hit(i.title))
  const sHits = sale.filter((s) => hit(s.title) || namedItems(loadBook(db, s), j.rest).length > 0)
  if (iHits.length + sHits.length === 1) return iHits.length === 1 ? commit(iHits[0]) : null
  if (iHits.length + sHits.length === 0 && sale.length === 0 && open.length === 1) return commit(open[0])
  const [saleChoices, intentChoices] = iHits.length + sHits.length > 1 ? [sHits, iHits] : [sale, open]
  const choices = [...saleChoices.map(saleLabel), ...intentChoices.map(intentLabel)].join('、')
  const example = `#需求${intentChoices[0].no} +${j.quantity}`
  return ask(t('demand.which', { choices, example }))
}

/** Quiet expiry: an intent without a commitment for `groups.intentDays` days closes, no message. */
export async function expireIntentJob(db: Db, intentId: number, now: number): Promise<void> {
  const i = db.select().from(intents).where(eq(intents.id, intentId)).get()
  if (!i || i.state !== 'open') return
  const due = (i.lastCommitAt ?? i.createdAt) + groupById(db, i.groupId).intentDays * DAY_MS
  if (due > now) scheduleJob(db, INTENT_EXPIRE_JOB, i.id, due)
  else db.update(intents).set({ state: 'expired' }).where(eq(intents.id, i.id)).run()
}

/**
 * `/launch from 3` / `开团 需求3`: the launch body with the intent's title in place of the
 * reference (and its target price when the organizer gave none). The intent must be open,
 * or launched into a sale that failed or was aborted.
 */
export function launchBodyFromIntent(ctx: GroupCtx, rest: string): { body: string; intentId: number } | null {
  const from = parseLaunchFrom(rest)
  if (!from) return null
  const i = intentByNo(ctx.db, ctx.group.id, from.no)
  if (!i) throw userError('demand.notFound', { no: from.no })
  const previous =
    i.saleId === null
      ? undefined
      : ctx.db.select({ state: sales.state }).from(sales).where(eq(sales.id, i.saleId)).get()
  const relaunch =
    i.state === 'launched' && previous !== undefined && (previous.state === 'failed' || previous.state === 'aborted')
  if (i.state !== 'open' && !relaunch)
    throw userError('demand.notOpen', { no: i.no, state: t(`demand.state.${i.state}`) })
  let body = `${from.title ?? i.title}\n${from.rest}`
  if (!hasPriceLine(from.rest) && i.targetPriceFen !== null) body += `\n价格: ${yuan(i.targetPriceFen)}`
  return { body, intentId: i.id }
}

/** At launch: the intent becomes launched, and every member who committed is named and asked to confirm. */
export function intentAtLaunch(db: Db, sale: SaleRow, intentId: number): { lines: string[]; mentions: string[] } {
  const i = db.select().from(intents).where(eq(intents.id, intentId)).get()
  if (!i) return { lines: [], mentions: [] }
  db.update(intents).set({ state: 'launched', saleId: sale.id }).where(eq(intents.id, i.id)).run()
  linkIntent(db, sale.id, i.id)
  const commits = commitsOf(db, i.id)
  if (commits.length === 0) return { lines: [], mentions: [] }
  const m = new Mentions(MENTION_CAP)
  return {
    lines: [t('demand.launchMembers', { no: i.no, n: commits.length, list: confirmList(commits, (n) => m.at(n)) })],
    mentions: m.names,
  }
}

/** Whether a member committed intent to the intent a sale was launched from (their order's source is then 'intent'). */
export function committedTo(db: Db, sale: SaleRow, memberId: number): boolean {
  if (sale.intentId === null) return false
  return (
    db
      .select({ id: intentCommits.id })
      .from(intentCommits)
      .where(and(eq(intentCommits.intentId, sale.intentId), eq(intentCommits.memberId, memberId)))
      .get() !== undefined
  )
}
