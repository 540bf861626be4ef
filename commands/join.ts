import { mightBeOrder } from '../src/core/reader.js'
import { joinArgs, joinSale } from '../src/services/orders.js'
import { defineCommand } from '../src/engine/types.js'

const join = defineCommand({
  name: 'join',
  aliases: ['/join', '接龙'],
  who: 'anyone',
  // 'both' so that chatter in a private chat (好的，2点见) is not told to go to a group;
  // an explicit /join there still is
  where: 'both',
  summary: '接龙：说出你要的总数，如 +2、我要两盒、紫色+1 灰色+2；加购「再来1份」，减「减一份」，换「换成灰色」',
  usage: '+2',
  args: joinArgs,
  // `/join 2` and `接龙 2` arrive here with the command word removed
  parse: (rest) => ({ text: rest, explicit: true }),
  // chatter is turned away with pure code, before any transaction
  match: (text) => (mightBeOrder(text) ? { text, explicit: false } : null),
  run: (ctx, args) => joinSale(ctx, args),
})
export default join
