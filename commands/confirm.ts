import { z } from 'zod'
import { defineCommand } from '../src/engine/types.js'
import { confirmHolds, PROXY_RELEASE_JOB, releaseHoldJob } from '../src/services/proxy.js'

// 「确认」: the member agrees to what someone else entered for her (代接龙). Said with nothing
// waiting for her it is an ordinary word in a chat, and gets no answer.
const confirm = defineCommand({
  name: 'confirm',
  aliases: ['确认'],
  who: 'anyone',
  where: 'group',
  summary: '确认别人替你代接的份数（汇总里 @你 时回复）',
  usage: '确认',
  args: z.object({}),
  // 「确认一下地址」 is not a confirmation
  parse: (rest) => (rest.trim() === '' ? {} : null),
  async run(ctx) {
    return confirmHolds(ctx.db, ctx.group, ctx.member, ctx.now)
  },
  jobs: { [PROXY_RELEASE_JOB]: releaseHoldJob },
})
export default confirm
