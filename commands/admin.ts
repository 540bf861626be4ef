import { z } from 'zod'
import { setAdmin } from '../src/services/roles.js'
import { defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

const admin = defineCommand({
  name: 'admin',
  aliases: ['/admin', '设管理员'],
  who: 'organizer',
  where: 'group',
  summary: t('cmd.admin.summary'),
  usage: t('cmd.admin.usage'),
  args: z.object({ target: z.string().min(1).max(80) }),
  parse: (rest) => ({ target: rest.trim() }),
  run: async (ctx, { target }) => setAdmin(ctx, target, true),
})
export default admin
