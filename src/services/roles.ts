// Members and roles: the one home of the organizer rule. The engine's permission check, a
// private chat's "which groups do I organize", and "whom to tell" all ask here.
import { and, eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups, members } from '../db/schema.js'
import { contactOf, ensureMember } from '../engine/repo.js'
import { resolveMention } from '../engine/mention.js'
import { userError, type GroupRow, type MemberRow, type Reply, type GroupCtx } from '../engine/types.js'
import { t } from '../i18n/zh-CN.js'

type Role = Pick<MemberRow, 'contactId' | 'isAdmin' | 'inGroup'>

/** The owner is whoever the platform says owns the room, by contact id; a name grants nothing. */
export function owns(group: Pick<GroupRow, 'ownerId'>, who: Pick<MemberRow, 'contactId'>): boolean {
  return group.ownerId !== null && who.contactId !== null && who.contactId === group.ownerId
}

/**
 * The organizer rule: the group's owner always; an admin while still in the group (an admin
 * who left keeps the flag on the row, not the rights). Admins are rows, so whoever takes an
 * admin's name is another row and has none of her rights.
 */
export function organizes(group: Pick<GroupRow, 'ownerId'>, who: Role): boolean {
  return owns(group, who) || (who.isAdmin && who.inGroup)
}

/** The group's organizers as the bot writes them and reaches them: the owner first, then the admins. */
export function organizers(db: Db, group: GroupRow): { name: string; id: string }[] {
  const rows = db.select().from(members).where(eq(members.groupId, group.id)).all()
  const owner =
    group.ownerId === null
      ? []
      : [{ name: rows.find((m) => owns(group, m))?.name ?? group.ownerName ?? group.ownerId, id: group.ownerId }]
  const admins = rows
    .filter((m) => m.isAdmin && organizes(group, m) && !owns(group, m))
    .map((m) => ({ name: m.name, id: contactOf(m) }))
  return [...owner, ...admins]
}

/** The group's organizers by name: the owner first, then the admins. */
export function organizerNames(db: Db, group: GroupRow): string[] {
  return [...new Set(organizers(db, group).map((o) => o.name))]
}

/** The groups the contact `contactId` organizes, oldest first (for a private chat, which has no group of its own). */
export function organizerGroups(db: Db, contactId: string): GroupRow[] {
  const owned = db.select().from(groups).where(eq(groups.ownerId, contactId)).all()
  const admin = db
    .select({ g: groups, m: members })
    .from(members)
    .innerJoin(groups, eq(members.groupId, groups.id))
    .where(and(eq(members.contactId, contactId), eq(members.isAdmin, true)))
    .all()
    .filter((r) => organizes(r.g, r.m))
    .map((r) => r.g)
  const byId = new Map([...owned, ...admin].map((g) => [g.id, g]))
  return [...byId.values()].sort((a, b) => a.id - b.id)
}

export const organizesAny = (db: Db, contactId: string): boolean => organizerGroups(db, contactId).length > 0

/** /admin and /unadmin: only the owner (or the bot's own account) changes who the admins are. */
export function setAdmin(ctx: GroupCtx, target: string, isAdmin: boolean): Reply[] {
  const { group } = ctx
  if (!ctx.msg.self && !owns(group, ctx.member)) throw userError('admin.ownerOnly')
  const name = resolveMention(ctx, target)
  if (name === null) throw userError('admin.notFound', { name: target.replace(/^@/, '') })
  const m = ensureMember(ctx.db, group.id, name)
  if (owns(group, m) || (m.contactId === null && name === group.ownerName)) throw userError('admin.isOwner')
  ctx.db.update(members).set({ isAdmin }).where(eq(members.id, m.id)).run()
  return [{ kind: 'say', text: isAdmin ? t('admin.added', { name }) : t('admin.removed', { name }) }]
}
