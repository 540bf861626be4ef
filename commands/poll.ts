import { z } from 'zod'
import { parsePoll, parseVote, MAX_OPTIONS } from '../src/core/poll.js'
import { castVote, createPoll, standings } from '../src/engine/polls.js'
import { userError, defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

const args = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('create'),
    spec: z.object({
      question: z.string().min(1).max(60),
      options: z.array(z.string().min(1).max(30)).min(2).max(MAX_OPTIONS),
      maxChoices: z.number().int().min(1).max(MAX_OPTIONS),
      anonymous: z.boolean(),
      deadline: z.number().int().nullable(),
    }),
  }),
  z.object({ kind: z.literal('show') }),
  z.object({
    kind: z.literal('vote'),
    form: z.object({
      pollRef: z.number().int().positive().nullable(),
      picks: z.array(z.string().min(1).max(4)).min(1).max(MAX_OPTIONS),
    }),
  }),
])

const poll = defineCommand({
  name: 'poll',
  aliases: ['/poll', '投票'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.poll.summary'),
  usage: t('cmd.poll.usage'),
  args,
  parse(rest, ctx) {
    // '投票1 2' is a vote for poll 1, not a new poll
    const vote = parseVote(ctx.msg.text)
    if (vote) return { kind: 'vote', form: vote }
    if (rest.trim() === '') return { kind: 'show' }
    // a one-line '投票 …' is chatter; '/poll …' on one line is a poll without options
    if (!rest.includes('\n') && !ctx.msg.text.startsWith('/')) return null
    const r = parsePoll(rest, ctx.now, ctx.group.tz)
    if (r.ok) return { kind: 'create', spec: r.spec }
    const example = t('poll.example')
    const e = r.error
    switch (e.code) {
      case 'noQuestion':
        throw userError('poll.noQuestion', { example })
      case 'tooFewOptions':
        throw userError('poll.tooFewOptions', { example })
      case 'tooManyOptions':
        throw userError('poll.tooManyOptions', { max: MAX_OPTIONS, example })
      case 'badLine':
        throw userError('poll.badLine', { line: e.line, example })
      case 'pastDeadline':
        throw userError('poll.pastDeadline', { line: e.line, example })
      case 'duplicateOption':
        throw userError('poll.duplicateOption', { line: e.line, example })
    }
  },
  async run(ctx, a) {
    if (a.kind === 'vote') return castVote(ctx, a.form)
    if (a.kind === 'show') return standings(ctx.db, ctx.group, ctx.now)
    return createPoll(ctx.db, ctx.group, ctx.member, a.spec, ctx.now)
  },
})
export default poll
