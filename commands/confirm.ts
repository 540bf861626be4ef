import { z } from 'zod'
import { defineCommand } from '../src/engine/types.js'
import { confirmHolds, PROXY_RELEASE_JOB, releaseHoldJob } from '../src/services/proxy.js'
import { t } from '../src/i18n/zh-CN.js'

// 「确认」: the member agrees to what someone else entered for her (代接龙). Said with nothing
// waiting for her it is an ordinary word in a chat, and gets no answer.
const confirm = defineCommand({
  name: 'confirm',
  aliases: ['确认'],
  who: 'anyone',
  where: 'group',
  summary: t('cmd.confirm.summary'),
  usage: t('cmd.confirm.usage'),
  args: z.object({}),
  // 「确认一下地址」 is not a confirmation
  parse: (rest) => (rest.trim() === '' ? {} : null),
  async run(ctx) {
    return confirmHolds(ctx.db, ctx.group, ctx.member, ctx.now)
  },
  jobs: { [PROXY_RELEASE_JOB]: releaseHoldJob },
})
export default confirm
