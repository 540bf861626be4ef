import { z } from 'zod'
import { defineCommand } from '../src/engine/types.js'
import { relink } from '../src/services/relink.js'
import { t } from '../src/i18n/zh-CN.js'

/** `/relink 旧名 @成员`: the old name runs up to the last ` @`, which starts the current member. */
const relinkCmd = defineCommand({
  name: 'relink',
  aliases: ['/relink'],
  who: 'organizer',
  where: 'group',
  summary: t('cmd.relink.summary'),
  usage: t('cmd.relink.usage'),
  args: z.object({ old: z.string().min(1).max(80), target: z.string().min(1).max(80) }),
  parse: (rest) => {
    const at = rest.lastIndexOf(' @')
    return at <= 0 ? {} : { old: rest.slice(0, at).trim(), target: rest.slice(at + 1).trim() }
  },
  run: async (ctx, { old, target }) => relink(ctx, old, target),
})
export default relinkCmd
