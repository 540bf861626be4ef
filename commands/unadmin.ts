import { z } from 'zod'
import { defineCommand } from '../src/engine/types.js'
import { setAdmin } from '../src/services/roles.js'

const unadmin = defineCommand({
  name: 'unadmin',
  aliases: ['/unadmin', '取消管理员'],
  who: 'organizer',
  where: 'group',
  summary: '群主取消某人的管理员',
  usage: '/unadmin @Lily',
  args: z.object({ target: z.string().min(1).max(80) }),
  parse: (rest) => ({ target: rest.trim() }),
  run: async (ctx, { target }) => setAdmin(ctx, target, false),
})
export default unadmin
