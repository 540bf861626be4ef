// What a launch adds for demand discovery: the lottery window and seed (抽签), and the
// members of the intent it was launched from, named and asked to confirm. launchSale
// appends the returned lines to the launch message.
import type { Db } from '../db/db.js'
import type { LaunchSpec } from '../core/launch.js'
import { intentAtLaunch } from './intents.js'
import { lotteryAtLaunch } from './lottery.js'
import type { SaleRow } from './repo.js'
import type { GroupRow } from './types.js'

export function launchExtras(
  db: Db,
  group: GroupRow,
  sale: SaleRow,
  spec: LaunchSpec,
  now: number,
): { lines: string[]; mentions: string[] } {
  const lines: string[] = []
  let mentions: string[] = []
  if (spec.lotteryMs !== undefined) lines.push(...lotteryAtLaunch(db, group, sale, spec.lotteryMs, now))
  if (spec.intentId !== undefined) {
    const r = intentAtLaunch(db, sale, spec.intentId)
    lines.push(...r.lines)
    mentions = r.mentions
  }
  return { lines, mentions }
}
