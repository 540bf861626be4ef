import { z } from 'zod'
import { closeByCommand, closePollJob, POLL_CLOSE_JOB } from '../src/engine/polls.js'
import { defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

const pollClose = defineCommand({
  name: 'pollClose',
  aliases: ['/poll close', '/pollclose', '结束投票'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.pollClose.summary'),
  usage: t('cmd.pollClose.usage'),
  args: z.object({ ref: z.number().int().positive().nullable() }),
  parse: (rest) => {
    const m = /^#?\s*(?:投票)?\s*(\d{1,4})$/.exec(rest.trim())
    return { ref: m ? Number(m[1]) : null }
  },
  run: async (ctx, { ref }) => closeByCommand(ctx, ref),
  jobs: { [POLL_CLOSE_JOB]: closePollJob },
})
export default pollClose
