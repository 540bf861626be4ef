// /relink: the owner hands an old member row, one the bot could not re-attach after a login,
// to a member of the group now. Everything the old row holds moves; where both rows hold one
// thing (an order of the same item, a payment row of the same sale) the two are merged.
import type { Db } from '../db/db.js'
import { rowOf } from '../db/rows.js'
import { members } from '../db/schema.js'
import { resolveMention } from '../engine/mention.js'
import { formerId } from '../engine/relogin.js'
import { userError, type GroupCtx, type MemberRow, type Reply } from '../engine/types.js'
import { owns } from './roles.js'
import { t } from '../i18n/zh-CN.js'

export function relink(ctx: GroupCtx, oldName: string, target: string): Reply[] {
  const { db, group } = ctx
  if (!ctx.msg.self && !owns(group, ctx.member)) throw userError('relink.ownerOnly')
  const old = rowOf(db, members, 'members', 'where group_id = ? and name = ?', group.id, oldName)
  if (!old) throw userError('relink.oldNotFound', { name: oldName })
  // a member of the group now is somebody: her rows are hers, not an old record to hand on
  if (old.inGroup) throw userError('relink.oldStillHere', { name: oldName })
  const name = resolveMention(ctx, target)
  const to =
    name === null
      ? undefined
      : rowOf(db, members, 'members', 'where group_id = ? and name = ? and in_group = 1', group.id, name)
  if (!to) throw userError('relink.targetNotFound', { name: target.replace(/^@/, '') })
  moveEverything(db, old, to)
  return [{ kind: 'say', text: t('relink.done', { from: old.name, to: to.name }) }]
}

/** The ranks of a payment state: a merge keeps the furthest one. */
const rank = (col: string) => `(case ${col} when 'yes' then 2 when 'reported' then 1 else 0 end)`

function moveEverything(db: Db, from: MemberRow, to: MemberRow): void {
  const run = (sql: string, ...p: unknown[]) => db.$client.prepare(sql).run(...p)
  const f = from.id,
    t2 = to.id
  // orders of one item add up (the units were already counted in the sale)
  run(
    `update orders set confirmed = confirmed + (select o.confirmed from orders o where o.sale_id = orders.sale_id and o.item_id = orders.item_id and o.member_id = ?),
    updated_at = max(updated_at, (select o.updated_at from orders o where o.sale_id = orders.sale_id and o.item_id = orders.item_id and o.member_id = ?))
    where member_id = ? and exists (select 1 from orders o where o.sale_id = orders.sale_id and o.item_id = orders.item_id and o.member_id = ?)`,
    f,
    f,
    t2,
    f,
  )
  run(
    'delete from orders where member_id = ? and exists (select 1 from orders o where o.sale_id = orders.sale_id and o.item_id = orders.item_id and o.member_id = ?)',
    f,
    t2,
  )
  run('update orders set member_id = ? where member_id = ?', t2, f)
  // a payment row of one sale: the furthest payment state, a decided delivery, refunds added
  run(
    `update participants set
      paid = coalesce((select p.paid from participants p where p.sale_id = participants.sale_id and p.member_id = ? and ${rank('p.paid')} > ${rank('participants.paid')}), paid),
      refund_fen = refund_fen + (select p.refund_fen from participants p where p.sale_id = participants.sale_id and p.member_id = ?),
      delivery = coalesce(delivery, (select p.delivery from participants p where p.sale_id = participants.sale_id and p.member_id = ?))
    where member_id = ? and exists (select 1 from participants p where p.sale_id = participants.sale_id and p.member_id = ?)`,
    f,
    f,
    f,
    t2,
    f,
  )
  run(
    'delete from participants where member_id = ? and exists (select 1 from participants p where p.sale_id = participants.sale_id and p.member_id = ?)',
    f,
    t2,
  )
  run('update participants set member_id = ? where member_id = ?', t2, f)
  for (const table of ['waitlist', 'tickets']) run(`update ${table} set member_id = ? where member_id = ?`, t2, f)
  // one vote, one commitment, one entry, one rating per member: the current member's own stays
  for (const table of ['votes', 'intent_commits', 'lottery_entries', 'ratings']) {
    run(`update or ignore ${table} set member_id = ? where member_id = ?`, t2, f)
    run(`delete from ${table} where member_id = ?`, f)
  }
  for (const table of ['sales', 'polls', 'intents'])
    run(`update ${table} set created_by = ? where created_by = ?`, t2, f)
  // her address is kept under the id she had in her old login; the current member's own wins
  const former = from.contactId === null ? null : (formerId(from.contactId) ?? from.contactId)
  if (former !== null && to.contactId !== null) {
    run(
      'update addresses set contact_id = ? where contact_id = ? and not exists (select 1 from addresses where contact_id = ?)',
      to.contactId,
      former,
      to.contactId,
    )
  }
  if (from.isAdmin) run('update members set is_admin = 1 where id = ?', t2)
  run('update members set is_admin = 0 where id = ?', f)
}
