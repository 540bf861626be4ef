// Where the after-sale command tests start: 阿May organizes two groups, and a peach sale
// (桃, ¥20, closing tonight at 8) is launched in 烘焙同好群.
import { BAKING, bot } from '../support/bot.js'

export const HIKING = '徒步群'

/** Both groups declared at 09:00; the script's messages then go to 烘焙同好群. */
export const twoGroups = () =>
  bot()
    .at('09:00')
    .group(BAKING, { members: ['阿May', 'Lily', 'Tom'] })
    .group(HIKING, { members: ['阿May', 'Ann'] })
    .in(BAKING)

/** The launch message, with extra terms appended. */
export const peach = (extra = '') => `/launch 桃\n价格: 20\n截止: 今晚8点${extra}`
