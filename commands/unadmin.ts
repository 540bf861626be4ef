import { z } from 'zod'
import { defineCommand } from '../src/engine/types.js'
import { setAdmin } from '../src/services/roles.js'
import { t } from '../src/i18n/zh-CN.js'

const unadmin = defineCommand({
  name: 'unadmin',
  aliases: ['/unadmin', '取消管理员'],
  who: 'organizer',
  where: 'group',
  summary: t('cmd.unadmin.summary'),
  usage: t('cmd.unadmin.usage'),
  args: z.object({ target: z.string().min(1).max(80) }),
  parse: (rest) => ({ target: rest.trim() }),
  run: async (ctx, { target }) => setAdmin(ctx, target, false),
})
export default unadmin
