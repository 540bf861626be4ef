import { z } from 'zod'
import { setAdmin } from '../src/services/roles.js'
import { defineCommand } from '../src/engine/types.js'

const admin = defineCommand({
  name: 'admin',
  aliases: ['/admin', '设管理员'],
  who: 'organizer',
  where: 'group',
  summary: '群主把某人设为管理员（可开团、截单、延长、撤团）',
  usage: '/admin @Lily',
  args: z.object({ target: z.string().min(1).max(80) }),
  parse: (rest) => ({ target: rest.trim() }),
  run: async (ctx, { target }) => setAdmin(ctx, target, true),
})
export default admin
