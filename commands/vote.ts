import { z } from 'zod'
import { parseVote, MAX_OPTIONS } from '../src/core/poll.js'
import { castVote } from '../src/engine/polls.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

const usage = t('cmd.vote.usage')

const vote = defineCommand({
  name: 'vote',
  aliases: ['/vote', '投'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.vote.summary'),
  usage,
  args: z.object({
    pollRef: z.number().int().positive().nullable(),
    picks: z.array(z.string().min(1).max(4)).min(1).max(MAX_OPTIONS),
  }),
  parse(_rest, ctx) {
    const form = parseVote(ctx.msg.text)
    if (form) return form
    // '投 资料' is chatter; a '/vote' the bot cannot read gets the usage
    if (ctx.msg.text.startsWith('/')) throw userError('error.badArgs', { usage })
    return null
  },
  // '选B', '投B' and '#投票1 2' have no command word the engine can split off
  match: (text) => (/^(?:[选投]|#\s*投票)/.test(text) ? parseVote(text) : null),
  run: async (ctx, form) => castVote(ctx, form),
})
export default vote
