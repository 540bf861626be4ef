import { z } from 'zod'
import { eq } from 'drizzle-orm'
import { members } from '../src/db/schema.js'
import { ensureMember } from '../src/engine/repo.js'
import { resolveMention } from '../src/engine/mention.js'
import { fail, type CommandSpec, type Ctx, type Reply } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

/** Shared by /admin and /unadmin: only the owner changes who the organizers are. */
export function setAdmin(ctx: Ctx, target: string, isAdmin: boolean): Reply[] {
  const group = ctx.group!
  if (!ctx.msg.self && group.ownerName !== ctx.sender) throw fail('admin.ownerOnly')
  const name = resolveMention(ctx, target)
  if (name === null) throw fail('admin.notFound', { name: target.replace(/^@/, '') })
  if (name === group.ownerName) throw fail('admin.isOwner')
  const m = ensureMember(ctx.db, group.id, name)
  ctx.db.update(members).set({ isAdmin }).where(eq(members.id, m.id)).run()
  return [{ kind: 'say', text: isAdmin ? t('admin.added', { name }) : t('admin.removed', { name }) }]
}

const admin: CommandSpec<{ target: string }> = {
  name: 'admin',
  aliases: ['/admin', '设管理员'],
  who: 'organizer',
  where: 'group',
  summary: '群主把某人设为管理员（可开团、截单、延长、撤团）',
  usage: '/admin @Lily',
  args: z.object({ target: z.string().min(1).max(80) }),
  parse: (rest) => ({ target: rest.trim() }),
  run: async (ctx, { target }) => setAdmin(ctx, target, true),
}
export default admin
