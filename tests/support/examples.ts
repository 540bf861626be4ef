// The walkthrough transcripts under data/examples/ and the chats the docs quote from them.
// Each NAME.jsonl has a committed NAME.expected.jsonl: what `npm run replay` prints for it.
// A doc quotes a transcript as a chat with a marker line `<!-- chat: NAME -->` right before
// a fenced block; the block must equal chatText(NAME). Both are checked by
// tests/examples.test.ts and rewritten by `npm run examples:update`.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeApp } from '../../src/app.js'
import { silentLogger } from '../../src/log.js'
import { RecordingTransport, replay, type OutLine } from '../../src/replay.js'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const EXAMPLES = join(ROOT, 'data/examples')
export const UPDATE_HINT =
  'if the change in the bot is meant, run `npm run examples:update` and commit the files it rewrites'

const EXPECTED = '.expected.jsonl'

/** Transcript names (data/examples/NAME.jsonl), without the expected outputs. */
export const exampleNames = (): string[] =>
  readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.jsonl') && !f.endsWith(EXPECTED))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort()

export const inputPath = (name: string) => join(EXAMPLES, `${name}.jsonl`)
export const expectedPath = (name: string) => join(EXAMPLES, `${name}${EXPECTED}`)

export const inputLines = (name: string): string[] => readFileSync(inputPath(name), 'utf8').split(/\r?\n/)

/** Replay a transcript on a fresh in-memory database, exactly as `npm run replay` does on a new file. */
export async function replayExample(name: string): Promise<{ out: OutLine[]; errors: string[] }> {
  const transport = new RecordingTransport()
  const app = makeApp({ dbFile: ':memory:', transport, log: silentLogger() })
  const errors: string[] = []
  try {
    await replay(app, inputLines(name), (e) => errors.push(e))
  } finally {
    app.close()
  }
  return { out: transport.lines, errors }
}

/** The expected file's text: one JSON object per line, as the replay CLI writes it. */
export const jsonl = (out: OutLine[]) => out.map((l) => JSON.stringify(l)).join('\n') + (out.length ? '\n' : '')

type In = { at: string; room?: string; from?: string; text?: string }

// input times may carry any offset; show them as China wall time like the output
const china = (t: number) => new Date(t + 8 * 3600_000).toISOString()
const hhmm = (iso: string) => china(Date.parse(iso)).slice(11, 16)
const dayLine = (t: number) => `—— ${Number(china(t).slice(5, 7))}月${Number(china(t).slice(8, 10))}日 ——`

/**
 * A transcript and its output as a chat a person reads: one turn per message, in time order
 * (a member's message before the bot's answer at the same moment), continuation lines
 * indented, a line with the date whenever the day changes. Group declarations and clock-only lines are left out.
 */
export function chatText(input: string[], out: OutLine[]): string {
  type Turn = { t: number; order: number; who: string; text: string }
  const turns: Turn[] = []
  input
    .filter((l) => l.trim() !== '')
    .forEach((raw, i) => {
      const l = JSON.parse(raw) as In
      if (l.text === undefined || l.from === undefined) return
      const who = l.room === undefined ? `${l.from} → 🤖（私聊）` : l.from
      turns.push({ t: Date.parse(l.at), order: i, who: `${hhmm(l.at)}  ${who}`, text: l.text })
    })
  out.forEach((o, i) => {
    const who = o.room === undefined ? `🤖 → ${o.to}（私聊）` : '🤖'
    turns.push({ t: Date.parse(o.at), order: 1e6 + i, who: `${hhmm(o.at)}  ${who}`, text: o.text })
  })
  turns.sort((a, b) => a.t - b.t || a.order - b.order)
  // a line with the date before the first turn and wherever the day changes
  let day = ''
  return (
    turns
      .map(({ t, who, text }) => {
        const [first, ...rest] = text.split('\n')
        const lines = [`${who}: ${first}`, ...rest.map((r) => `        ${r}`)]
        if (dayLine(t) !== day) lines.unshift((day = dayLine(t)))
        return lines.join('\n')
      })
      .join('\n') + '\n'
  )
}

export const exampleChat = (name: string, out: OutLine[]) => chatText(inputLines(name), out)

const MARKER = /<!-- chat: ([\w-]+) -->\n```text\n([\s\S]*?)```/g

/** The chats a markdown file quotes: the transcript name and the block's text. */
export function quotedChats(markdown: string): { name: string; text: string }[] {
  return [...markdown.matchAll(MARKER)].map((m) => ({ name: m[1], text: m[2] }))
}

/** The markdown with every quoted chat replaced by `chat(name)`. */
export function withChats(markdown: string, chat: (name: string) => string): string {
  return markdown.replace(MARKER, (_, name: string) => `<!-- chat: ${name} -->\n\`\`\`text\n${chat(name)}\`\`\``)
}

/** The docs that may quote chats: README.md and docs/*.md. */
export const docFiles = (): string[] => {
  let docs: string[] = []
  try {
    docs = readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(ROOT, 'docs', f))
  } catch {
    // no docs/ yet
  }
  return [join(ROOT, 'README.md'), ...docs]
}
