import { z } from 'zod'
import { defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

/** Generated from the command specs, so it never drifts from what the bot accepts. */
const help = defineCommand({
  name: 'help',
  aliases: ['/help', '帮助'],
  who: 'anyone',
  where: 'both',
  summary: t('cmd.help.summary'),
  usage: t('cmd.help.usage'),
  args: z.object({}),
  parse: () => ({}),
  // members see the commands they may use (the whole list is longer than one message may be);
  // organizers see everything
  run: async (ctx) => {
    const shown = ctx.isOrganizer ? ctx.commands : ctx.commands.filter((c) => c.who !== 'organizer')
    const lines = shown.map((c) =>
      t('help.line', { usage: `${c.aliases.join(' / ')}`, summary: c.summary, organizer: c.who === 'organizer' }),
    )
    return [
      {
        kind: 'say',
        text: [t('help.header'), ...lines, ...(ctx.isOrganizer ? [] : [t('help.organizerMore')])].join('\n'),
      },
    ]
  },
})
export default help
