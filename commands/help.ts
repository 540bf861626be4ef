import { z } from 'zod'
import type { CommandSpec } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

/** Generated from the command specs, so it never drifts from what the bot accepts. */
const help: CommandSpec<Record<string, never>> = {
  name: 'help',
  aliases: ['/help', '帮助'],
  who: 'anyone',
  where: 'both',
  summary: '列出所有命令',
  usage: '/help',
  args: z.object({}) as unknown as z.ZodType<Record<string, never>>,
  parse: () => ({}),
  run: async (ctx) => [{
    kind: 'say',
    text: [t('help.header'), ...ctx.commands.map((c) => t('help.line', { usage: `${c.aliases.join(' / ')}`, summary: c.summary, organizer: c.who === 'organizer' }))].join('\n'),
  }],
}
export default help
