// Polls (投票): the poll message a member types, the vote forms, and the result board.
// Pure: text and plain values in, parsed values and texts out.
import { looseKey, normalize } from './text.js'
import { parseCount } from './quantity.js'
import { parseDeadline, formatTime } from './deadline.js'
import { t } from '../i18n/zh-CN.js'

export type PollSpec = {
  question: string
  options: string[]
  maxChoices: number
  anonymous: boolean
  deadline: number | null
}
export type PollError =
  | { code: 'noQuestion' }
  | { code: 'tooFewOptions' }
  | { code: 'tooManyOptions' }
  | { code: 'badLine'; line: string }
  | { code: 'pastDeadline'; line: string }
  | { code: 'duplicateOption'; line: string }
export type PollResult = { ok: true; spec: PollSpec } | { ok: false; error: PollError }

export const MAX_OPTIONS = 20
const MAX_QUESTION = 60
const MAX_OPTION = 30

// '1. 蓝莓' '1、蓝莓' '(1) 蓝莓' / '- 蓝莓' '• 蓝莓' / 'A 蓝莓' 'A. 蓝莓' 'A蓝莓' (a capital glued to CJK)
const NUMBERED = /^[(（]?(\d{1,2})\s*[.、,:)）]\s*(.+)$/
const BULLET = /^[-•·*]\s*(.+)$/
const LETTERED = /^([A-Za-z])(?:\s*[.、,:)）]\s*|\s+)(.+)$/
const LETTER_GLUED = /^([A-Z])([\u3400-\u9fff].*)$/
const DEADLINE = /^(?:截止|截止时间|deadline)\s*(?::\s*)?(.+)$/i
const MULTI = /^(?:多选|multi|multiple)\s*(?::\s*)?(?:(\d{1,2})\s*(?:项|个)?)?$/i
const ANONYMOUS = /^(?:匿名|anonymous)$/i

function optionOf(text: string): string | null {
  const m = NUMBERED.exec(text) ?? BULLET.exec(text) ?? LETTERED.exec(text) ?? LETTER_GLUED.exec(text)
  if (!m) return null
  return m[m.length - 1].trim()
}

/**
 * The body after `/poll` or `投票`: the question on the first line, then one option per
 * line, and optional `截止:`, `多选 [N]`, `匿名` lines. Every line must be understood.
 */
export function parsePoll(body: string, now: number, tz?: string): PollResult {
  const lines = String(body ?? '')
    .split('\n')
    .map((raw) => ({ raw: raw.trim(), text: normalize(raw).replace(/\s+/g, ' ').trim() }))
    .filter((l) => l.text !== '')
  const fail = (error: PollError): PollResult => ({ ok: false, error })
  const [first, ...rest] = lines
  if (!first || optionOf(first.text) !== null || DEADLINE.test(first.text)) return fail({ code: 'noQuestion' })
  if ([...first.text].length > MAX_QUESTION) return fail({ code: 'badLine', line: first.raw })
  const spec: PollSpec = { question: first.text, options: [], maxChoices: 1, anonymous: false, deadline: null }
  let multi: number | 'all' | null = null
  const seen = new Set<string>()
  for (const { raw, text } of rest) {
    const bad = fail({ code: 'badLine', line: raw })
    let m: RegExpExecArray | null
    if ((m = MULTI.exec(text))) {
      if (multi !== null) return bad
      multi = m[1] ? Number(m[1]) : 'all'
    } else if (ANONYMOUS.test(text)) {
      spec.anonymous = true
    } else if ((m = DEADLINE.exec(text))) {
      if (spec.deadline !== null) return bad
      const at = parseDeadline(m[1], now, tz)
      if (at === null) return bad
      if (at <= now) return fail({ code: 'pastDeadline', line: raw })
      spec.deadline = at
    } else {
      const option = optionOf(text)
      if (option === null || option === '' || [...option].length > MAX_OPTION) return bad
      const key = looseKey(option)
      if (seen.has(key)) return fail({ code: 'duplicateOption', line: raw })
      seen.add(key)
      spec.options.push(option)
    }
  }
  if (spec.options.length < 2) return fail({ code: 'tooFewOptions' })
  if (spec.options.length > MAX_OPTIONS) return fail({ code: 'tooManyOptions' })
  if (multi === 'all') spec.maxChoices = spec.options.length
  else if (multi !== null) {
    if (multi < 1 || multi > spec.options.length)
      return fail({ code: 'badLine', line: rest.find((l) => MULTI.test(l.text))!.raw })
    spec.maxChoices = multi
  }
  return { ok: true, spec }
}

// ------------------------------------------------------------------ votes

/** A vote as typed: which poll (when named) and the picks as written ('2', 'B'). */
export type VoteForm = { pollRef: number | null; picks: string[] }

const PICK = '(?:\\d{1,2}|[A-Za-z]|[一二三四五六七八九十]{1,3})号?'
const PICKS = `${PICK}(?:\\s*[,，、/\\s]\\s*${PICK})*`
const PICKS_ONLY = new RegExp(`^(${PICKS}|[A-Z]{2,5})$`)
// '#投票1 2', '投票1 投2', '#投票1 选B'
const POLL_REF = /^#?\s*投票\s*(\d{1,4})(?:\s+|(?=[投选]))(.*)$/
// '/vote 2', '/vote #1 2'
const SLASH = /^\/vote(?![a-z])\s*(.*)$/i
// '投2', '投 2,3', '选B', '投2号'
const WORD = /^[投选]\s*(.*)$/

function picksOf(s: string): string[] | null {
  const text = s.trim()
  if (!PICKS_ONLY.test(text)) return null
  // 'AC' glued capitals are two picks; anything else is split on separators
  if (/^[A-Z]{2,5}$/.test(text)) return [...text]
  return text
    .split(/\s*[,，、/\s]\s*/)
    .map((p) => p.replace(/号$/, ''))
    .filter(Boolean)
}

/** Parse a vote from a whole message; null when it is not one (bias: not recognising chatter). */
export function parseVote(text: string): VoteForm | null {
  if (typeof text !== 'string' || text.length > 60) return null
  let s = normalize(text).replace(/\s+/g, ' ').trim()
  let pollRef: number | null = null
  let m: RegExpExecArray | null
  if ((m = SLASH.exec(s))) {
    s = m[1].trim()
    const ref = /^#\s*(?:投票)?\s*(\d{1,4})\s+(.*)$/.exec(s)
    if (ref) {
      pollRef = Number(ref[1])
      s = ref[2]
    }
    const picks = picksOf(s)
    return picks ? { pollRef, picks } : null
  }
  if ((m = POLL_REF.exec(s))) {
    pollRef = Number(m[1])
    s = m[2].trim()
    const w = WORD.exec(s)
    if (w) s = w[1]
    const picks = picksOf(s)
    return picks ? { pollRef, picks } : null
  }
  if ((m = WORD.exec(s))) {
    const picks = picksOf(m[1])
    return picks ? { pollRef, picks } : null
  }
  return null
}

export type VoteCheck =
  { ok: true; choices: number[] } | { ok: false; code: 'missing'; pick: string } | { ok: false; code: 'tooMany' }

/** Picks as option indexes (0-based), checked against the poll. */
export function resolvePicks(picks: string[], optionCount: number, maxChoices: number): VoteCheck {
  const out: number[] = []
  for (const p of picks) {
    let n: number | null
    if (/^[A-Za-z]$/.test(p)) n = p.toUpperCase().charCodeAt(0) - 64
    else n = parseCount(p)
    if (n === null || n < 1 || n > optionCount) return { ok: false, code: 'missing', pick: p }
    if (!out.includes(n - 1)) out.push(n - 1)
  }
  if (out.length > maxChoices) return { ok: false, code: 'tooMany' }
  return { ok: true, choices: out.sort((a, b) => a - b) }
}

// ------------------------------------------------------------------ boards

export type PollView = {
  no: number
  question: string
  options: string[]
  maxChoices: number
  anonymous: boolean
  deadline: number | null
  state: 'open' | 'closed'
}
export type Ballot = { name: string; choices: number[] }
export type Tally = { counts: number[]; voters: number }

export function tally(optionCount: number, ballots: Ballot[]): Tally {
  const counts = new Array<number>(optionCount).fill(0)
  for (const b of ballots) for (const c of b.choices) if (c >= 0 && c < optionCount) counts[c]++
  return { counts, voters: ballots.filter((b) => b.choices.length > 0).length }
}

/** Winner(s): the options with the most votes; none when nobody voted. */
export function leaders(t: Tally): number[] {
  const top = Math.max(0, ...t.counts)
  return top === 0 ? [] : t.counts.flatMap((c, i) => (c === top ? [i] : []))
}

const BAR_CELLS = 10
export function bar(count: number, voters: number): string {
  const filled = voters === 0 ? 0 : Math.round((count / voters) * BAR_CELLS)
  return '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled)
}

export const percent = (count: number, voters: number) => (voters === 0 ? 0 : Math.round((count / voters) * 100))

const NAMES_SHOWN = 10
function nameList(names: string[]): string {
  return names.slice(0, NAMES_SHOWN).join('、') + (names.length > NAMES_SHOWN ? ` 等 ${names.length} 人` : '')
}

export function howToVote(p: PollView, othersOpen: boolean): string {
  const example = othersOpen ? `#投票${p.no} 1` : '投1'
  const multiExample = p.maxChoices > 1 ? (othersOpen ? `#投票${p.no} 1,3` : '投 1,3') : null
  return t('poll.how', { example, multiExample })
}

export function pollMeta(p: PollView, now: number, tz: string): string {
  const parts = [p.maxChoices > 1 ? t('poll.multi', { max: p.maxChoices }) : t('poll.single')]
  if (p.anonymous) parts.push(t('poll.anonymous'))
  if (p.deadline !== null) parts.push(t('poll.deadline', { at: formatTime(p.deadline, now, tz) }))
  return parts.join(' · ')
}

/** The message that opens a poll. */
export function pollPostText(p: PollView, now: number, tz: string, othersOpen: boolean): string {
  const options = p.options.map((o, i) => `${i + 1}. ${o}`)
  return [
    t('poll.posted', { no: p.no, question: p.question }),
    ...options,
    pollMeta(p, now, tz),
    howToVote(p, othersOpen),
  ].join('\n')
}

/** One line per option: bar, count, percentage and (unless anonymous) who chose it. */
function optionLines(p: PollView, ballots: Ballot[], withNames: boolean): string[] {
  const tl = tally(p.options.length, ballots)
  return p.options.map((o, i) => {
    const names = withNames && !p.anonymous ? ballots.filter((b) => b.choices.includes(i)).map((b) => b.name) : []
    return t('poll.optionLine', {
      i: i + 1,
      option: o,
      bar: bar(tl.counts[i], tl.voters),
      count: tl.counts[i],
      pct: percent(tl.counts[i], tl.voters),
      names: names.length ? nameList(names) : null,
    })
  })
}

/** The result board posted once when the poll closes. */
export function resultText(p: PollView, ballots: Ballot[]): string {
  const tl = tally(p.options.length, ballots)
  const lines = [t('poll.resultHeader', { no: p.no, question: p.question, voters: tl.voters, anonymous: p.anonymous })]
  if (tl.voters === 0) return [...lines, t('poll.noVotes')].join('\n')
  lines.push(...optionLines(p, ballots, true))
  const top = leaders(tl)
  lines.push(
    top.length === 1
      ? t('poll.winner', { option: p.options[top[0]] })
      : t('poll.tie', { options: top.map((i) => p.options[i]).join('、'), count: tl.counts[top[0]] }),
  )
  return lines.join('\n')
}

/** Standings of an open poll, for `/poll` without a body. */
export function standingsText(p: PollView, ballots: Ballot[], now: number, tz: string, othersOpen: boolean): string {
  const tl = tally(p.options.length, ballots)
  return [
    t('poll.standingsHeader', { no: p.no, question: p.question, voters: tl.voters }),
    ...optionLines(p, ballots, false),
    pollMeta(p, now, tz),
    howToVote(p, othersOpen),
  ].join('\n')
}

/** The digest block for a poll that received votes since the last digest. */
export function pollDigestLines(
  p: { no: number; question: string; options: string[]; counts: number[]; voters: number; anonymous: boolean },
  voterNames: string[],
): string[] {
  const standing = p.options.map((o, i) => `${i + 1}. ${o} ${p.counts[i] ?? 0}`).join(' · ')
  const who = p.anonymous
    ? t('poll.digestAnonymous', { n: voterNames.length })
    : t('poll.digestVoters', { names: nameList(voterNames) })
  return [t('poll.digestHeader', { no: p.no, question: p.question, voters: p.voters }), standing, who]
}
