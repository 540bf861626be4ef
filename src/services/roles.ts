// Members and roles: the one home of the organizer rule. The engine's permission check, a
// private chat's "which groups do I organize", and "whom to tell" all ask here.
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, members } from '../db/schema.js'
import { ensureMember } from '../engine/repo.js'
import { resolveMention } from '../engine/mention.js'
import { userError, type GroupRow, type MemberRow, type Reply, type GroupCtx } from '../engine/types.js'
import { t } from '../i18n/zh-CN.js'

type Role = Pick<MemberRow, 'name' | 'isAdmin' | 'inGroup'>

/**
 * The organizer rule: the group's owner always; an admin while still in the group (an admin
 * who left keeps the flag on the row, not the rights).
 */
export function organizes(group: Pick<GroupRow, 'ownerName'>, who: Role): boolean {
  return group.ownerName === who.name || (who.isAdmin && who.inGroup)
}

/** The group's organizers by name: the owner first, then the admins. */
export function organizerNames(db: Db, group: GroupRow): string[] {
  const admins = db
    .select()
    .from(members)
    .where(and(eq(members.groupId, group.id), eq(members.isAdmin, true)))
    .all()
    .filter((m) => organizes(group, m))
    .map((m) => m.name)
  return [...new Set([...(group.ownerName ? [group.ownerName] : []), ...admins])]
}

/** The groups `name` organizes, oldest first (for a private chat, which has no group of its own). */
export function organizerGroups(db: Db, name: string): GroupRow[] {
  const owned = db.select().from(groups).where(eq(groups.ownerName, name)).all()
  const admin = db
    .select({ g: groups, m: members })
    .from(members)
    .innerJoin(groups, eq(members.groupId, groups.id))
    .where(and(eq(members.name, name), eq(members.isAdmin, true)))
    .all()
    .filter((r) => organizes(r.g, r.m))
    .map((r) => r.g)
  const byId = new Map([...owned, ...admin].map((g) => [g.id, g]))
  return [...byId.values()].sort((a, b) => a.id - b.id)
}

export const organizesAny = (db: Db, name: string): boolean => organizerGroups(db, name).length > 0

/** /admin and /unadmin: only the owner (or the bot's own account) changes who the admins are. */
export function setAdmin(ctx: GroupCtx, target: string, isAdmin: boolean): Reply[] {
  const { group } = ctx
  if (!ctx.msg.self && group.ownerName !== ctx.sender) throw userError('admin.ownerOnly')
  const name = resolveMention(ctx, target)
  if (name === null) throw userError('admin.notFound', { name: target.replace(/^@/, '') })
  if (name === group.ownerName) throw userError('admin.isOwner')
  const m = ensureMember(ctx.db, group.id, name)
  ctx.db.update(members).set({ isAdmin }).where(eq(members.id, m.id)).run()
  return [{ kind: 'say', text: isAdmin ? t('admin.added', { name }) : t('admin.removed', { name }) }]
}
