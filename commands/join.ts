import { mightBeOrder } from '../src/core/reader.js'
import { joinArgs, joinSale } from '../src/services/orders.js'
import { defineCommand } from '../src/engine/types.js'
import { t } from '../src/i18n/zh-CN.js'

const join = defineCommand({
  name: 'join',
  aliases: ['/join', '接龙'],
  who: 'anyone',
  // 'both' so that chatter in a private chat (好的，2点见) is not told to go to a group;
  // an explicit /join there still is
  where: 'both',
  summary: t('cmd.join.summary'),
  usage: t('cmd.join.usage'),
  args: joinArgs,
  // `/join 2` and `接龙 2` arrive here with the command word removed
  parse: (rest) => ({ text: rest, explicit: true }),
  // chatter is turned away with pure code, before any transaction
  match: (text) => (mightBeOrder(text) ? { text, explicit: false } : null),
  run: (ctx, args) => joinSale(ctx, args),
})
export default join
