// Long messages. WeChat cuts or refuses very long texts and a wall of names helps nobody, so
// no message the bot sends is longer than MAX_CHARS; a longer one is split at line breaks (or,
// inside one long line, at list separators) into at most MAX_PARTS messages, and whatever does
// not fit is counted in a last line instead of being listed.

/**
 * 1,500 characters: WeChat's own limit on one text message is far above this (a few thousand
 * characters; the exact figure varies by client and was not measured here), and one screen
 * of a phone shows about 300–400 Chinese characters. Three parts of 1,500 is the most a group
 * should have to scroll past for one event.
 */
export const MAX_CHARS = 1500
export const MAX_PARTS = 3
/** Room kept in the last part for the line that says how much was left out. */
const TAIL_ROOM = 80

export type Fitted = { parts: string[]; omitted: number }

// inside one long line (a list of names), break after these
const SEPARATORS = /(?<=[、；;，,\s])/u

/** Cut one line into pieces of at most `limit` characters, at separators where possible. */
function pieces(line: string, limit: number): string[] {
  if ([...line].length <= limit) return [line]
  const out: string[] = []
  let cur = ''
  for (const token of line.split(SEPARATORS)) {
    for (const chunk of hardCut(token, limit)) {
      if ([...cur].length + [...chunk].length > limit) {
        out.push(cur)
        cur = ''
      }
      cur += chunk
    }
  }
  if (cur) out.push(cur)
  return out
}

function hardCut(s: string, limit: number): string[] {
  const chars = [...s]
  if (chars.length <= limit) return [s]
  const out: string[] = []
  for (let i = 0; i < chars.length; i += limit) out.push(chars.slice(i, i + limit).join(''))
  return out
}

/**
 * Split `text` into at most `maxParts` messages of at most `limit` characters. When it does not
 * fit, the last part ends with `tail(n)` where n counts the lines (or list pieces) left out.
 */
export function fitText(
  text: string,
  tail: (omitted: number) => string,
  limit = MAX_CHARS,
  maxParts = MAX_PARTS,
): Fitted {
  // UTF-16 length is never below the character count: most texts are decided without counting
  if (text.length <= limit || [...text].length <= limit) return { parts: [text], omitted: 0 }
  // pieces of a long line leave room for the tail, so any of them fits in the last part
  const units = text.split('\n').flatMap((l) => pieces(l, limit - TAIL_ROOM))
  const pack = (budgetLast: number) => {
    const parts: string[] = []
    let cur: string | null = null
    let i = 0
    for (; i < units.length; i++) {
      const budget = parts.length === maxParts - 1 ? budgetLast : limit
      const next: string = cur === null ? units[i] : `${cur}\n${units[i]}`
      if ([...next].length <= budget) {
        cur = next
        continue
      }
      if (cur !== null) parts.push(cur)
      if (parts.length === maxParts) return { parts, rest: units.length - i }
      cur = [...units[i]].length <= (parts.length === maxParts - 1 ? budgetLast : limit) ? units[i] : null
      if (cur === null) return { parts, rest: units.length - i }
    }
    if (cur !== null) parts.push(cur)
    return { parts, rest: 0 }
  }
  const whole = pack(limit)
  if (whole.rest === 0 && whole.parts.length <= maxParts) return { parts: whole.parts, omitted: 0 }
  const cut = pack(limit - TAIL_ROOM)
  const parts = cut.parts.length > 0 ? cut.parts.slice(0, maxParts) : ['']
  const last = parts.length - 1
  parts[last] = `${parts[last]}\n${tail(cut.rest)}`
  return { parts, omitted: cut.rest }
}

/** The names of `mentions` that a part of a split message still @s. */
export const mentionsIn = (part: string, mentions: string[]): string[] => mentions.filter((n) => part.includes(`@${n}`))

// WeChat reads these after an @ as "everyone" (群主 and admins may @所有人; the bot may be one)
const EVERYONE = /[@＠]\s*(?=(?:所有人|全体成员|all|everyone|here)(?![A-Za-z0-9_]))/giu

/** A member may be named 所有人 or @all: the bot never writes such a name with a leading @. */
export const isEveryone = (name: string): boolean =>
  /^[@＠]?\s*(?:所有人|全体成员|all|everyone|here)$/iu.test(name.trim())

/** Remove the @ in front of anything WeChat would read as "everyone". */
export const defuseEveryone = (text: string): string => text.replace(EVERYONE, '')
