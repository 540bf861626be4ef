import { z } from 'zod'
import { extractIntentRef } from '../src/core/intent.js'
import { MAX_READ_CHARS, mightBeOrder } from '../src/core/reader.js'
import { readAndApply, readIntentJoin } from '../src/engine/reading.js'
import { fail, type CommandSpec } from '../src/engine/types.js'

/**
 * The member's words as typed. What they ask for depends on the group's open sales (their
 * item and title words are the reader's vocabulary), so they are read in `run`, not here.
 */
export type JoinArgs = { text: string; explicit: boolean }

const join: CommandSpec<JoinArgs> = {
  name: 'join',
  aliases: ['/join', '接龙'],
  who: 'anyone',
  // 'both' so that chatter in a private chat (好的，2点见) is not told to go to a group;
  // an explicit /join there still is
  where: 'both',
  summary: '接龙：说出你要的总数，如 +2、我要两盒、紫色+1 灰色+2；加购「再来1份」，减「减一份」，换「换成灰色」',
  usage: '+2',
  args: z.object({ text: z.string().max(MAX_READ_CHARS * 4), explicit: z.boolean() }),
  // `/join 2` and `接龙 2` arrive here with the command word removed
  parse: (rest) => ({ text: rest, explicit: true }),
  // chatter is turned away with pure code, before any transaction
  match: (text) => (mightBeOrder(text) ? { text, explicit: false } : null),
  run(ctx, { text, explicit }) {
    if (!ctx.group) {
      if (explicit) throw fail('error.groupOnly', { command: '/join' })
      return []
    }
    // '#需求3 +2' commits intent instead of ordering
    const intent = extractIntentRef(text)
    if (intent.ref !== null) return readIntentJoin(ctx, intent.ref, intent.text, explicit ? 'command' : 'chat')
    return readAndApply(ctx, text, explicit ? 'command' : 'chat')
  },
}
export default join
