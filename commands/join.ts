import { parseRoutedJoin } from '../src/core/intent.js'
import { joinArgs, joinSale } from '../src/services/orders.js'
import { defineCommand } from '../src/engine/types.js'

const join = defineCommand({
  name: 'join',
  aliases: ['/join', '接龙'],
  who: 'anyone',
  where: 'group',
  summary: '接龙：说出你要的总数，如 +2、我要两盒、+1 大果；加购用「再加1份」',
  usage: '+2',
  args: joinArgs,
  // `/join 2` and `接龙 2` arrive here with the command word removed
  parse: (rest) => parseRoutedJoin(`/join ${rest}`),
  match: (text) => parseRoutedJoin(text),
  run: (ctx, intent) => joinSale(ctx, intent),
})
export default join
