// Which command a text is. Pure: the engine hands it the registry and the normalized text.
// Bias: chatter is far more common than commands, so a Chinese command word counts only when
// it stands alone or is followed by its arguments — 取消了吗 and 进度怎么样 are talk, not commands.

/** What routing needs to know of a command. */
export type Routable = {
  /** slash forms and Chinese words that start the command */
  aliases: string[]
  /** a form recognised without a command word (`+2` for a join); raw arguments, or null/undefined */
  match?: (text: string) => unknown
  /** longest text the command reads */
  maxText?: number
}

export type Route<C> = {
  spec: C
  /** the text after the command word (the whole text for a matched form) */
  rest: string
  /** what `match` returned, for a form without a command word */
  raw?: unknown
  /** typed with its command word: a mistake in it deserves an answer, a matched form's does not */
  explicit: boolean
}

/** The longest a message may be unless its command says otherwise. */
export const MAX_TEXT = 4000

/**
 * The alias-boundary rule: after the alias comes nothing, a space, `#` or a digit; after a
 * slash command anything but another Latin letter (`/launch蓝莓` is /launch, `/launchx` is not).
 */
export function aliasBounded(alias: string, next: string): boolean {
  return next === '' || /[\s#\d]/.test(next) || (alias.startsWith('/') && !/[a-z]/i.test(next))
}

/** The command a text starts with (the longest alias wins), or a form matched without a command word. */
export function findCommand<C extends Routable>(commands: readonly C[], text: string): Route<C> | null {
  const lower = text.toLowerCase()
  let best: { spec: C; alias: string } | null = null
  for (const spec of commands) {
    for (const alias of spec.aliases) {
      if (!lower.startsWith(alias.toLowerCase())) continue
      if (aliasBounded(alias, text.charAt(alias.length)) && (!best || alias.length > best.alias.length))
        best = { spec, alias }
    }
  }
  if (best) return { spec: best.spec, rest: text.slice(best.alias.length).trim(), explicit: true }
  for (const spec of commands) {
    if (text.length > (spec.maxText ?? MAX_TEXT)) continue
    const raw = spec.match?.(text)
    if (raw !== undefined && raw !== null) return { spec, rest: text, raw, explicit: false }
  }
  return null
}
