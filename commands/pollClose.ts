import { z } from 'zod'
import { closeByCommand, closePollJob, POLL_CLOSE_JOB } from '../src/engine/polls.js'
import { defineCommand } from '../src/engine/types.js'

const pollClose = defineCommand({
  name: 'pollClose',
  aliases: ['/poll close', '/pollclose', '结束投票'],
  who: 'anyone',
  where: 'group',
  summary: '结束投票并公布结果（发起人或管理员；有多个投票时加编号：结束投票 2）',
  usage: '结束投票 1',
  args: z.object({ ref: z.number().int().positive().nullable() }),
  parse: (rest) => {
    const m = /^#?\s*(?:投票)?\s*(\d{1,4})$/.exec(rest.trim())
    return { ref: m ? Number(m[1]) : null }
  },
  run: async (ctx, { ref }) => closeByCommand(ctx, ref),
  jobs: { [POLL_CLOSE_JOB]: closePollJob },
})
export default pollClose
