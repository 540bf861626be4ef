// Turning '@Lily' in a command into a member name of the group.
import { looseKey } from '../core/text.js'
import { memberNames } from './repo.js'
import type { GroupCtx } from './types.js'

/** The platform's mention list wins; otherwise the longest member name the text starts with. */
export function resolveMention(ctx: GroupCtx, target: string): string | null {
  const names = memberNames(ctx.db, ctx.group.id)
  const fromPuppet = (ctx.msg.mentions ?? []).find((n) => names.includes(n))
  if (fromPuppet) return fromPuppet
  const text = target.replace(/^@/, '').trim()
  const byLength = [...names].sort((a, b) => b.length - a.length)
  const exact = byLength.find((n) => text === n || text.startsWith(n + ' ') || text.startsWith(n))
  if (exact) return exact
  const key = looseKey(text)
  return byLength.find((n) => looseKey(n) === key) ?? null
}
