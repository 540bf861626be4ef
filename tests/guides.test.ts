// Every example in the guides' command tables (and every message the member's guide shows a
// member sending) is taken as a command: typed into a group while a sale is open, it is handled
// (recorded as seen) rather than passed over as chatter. What each example then does is checked by the walkthrough replays
// (tests/examples.test.ts) and the feature tests.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeApp } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { RecordingTransport } from '../src/replay.js'
import { ROOT } from './support/examples.js'

/** The code spans in the example column of every table whose header names one ("例子", "你发"). */
function tableExamples(markdown: string): string[] {
  const found: string[] = []
  let column = -1
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      column = -1
      continue
    }
    const cells = line.split('|').map((c) => c.trim())
    if (column === -1) {
      column = cells.findIndex((c) => c === '例子' || c === '你发')
      // a table without an example column: skip it to its end
      if (column === -1) column = -2
      continue
    }
    if (column < 0 || /^-+$/.test(cells[column] ?? '')) continue
    for (const [, code] of (cells[column] ?? '').matchAll(/`([^`]+)`/g)) found.push(code)
  }
  return found
}

const GUIDES = ['docs/organizer-guide.zh-CN.md', 'docs/member-guide.zh-CN.md']

/** A group with an open sale, and a way to ask whether a text is taken as a command. */
async function probe(): Promise<{ isCommand(text: string, from?: string): Promise<boolean>; close(): void }> {
  const app = makeApp({ dbFile: ':memory:', transport: new RecordingTransport(), log: silentLogger() })
  const t0 = Date.parse('2026-12-03T10:00:00+08:00')
  // awaited: handling may become asynchronous, and the check must follow the commit
  await app.engine.declareGroup('烘焙同好群', '阿May', ['阿May', 'Lily', 'Tom'], t0)
  await app.engine.handle({
    id: 'launch',
    at: t0,
    room: '烘焙同好群',
    from: '阿May',
    text: '/launch 云南蓝莓\n价格: 59\n截止: 2026-12-04 20:00',
  })
  const seen = app.db.$client.prepare('select 1 from inbound where msg_id = ?')
  let n = 0
  return {
    async isCommand(text, from = '阿May') {
      const id = `example-${++n}`
      await app.engine.handle({ id, at: t0 + n * 1000, room: '烘焙同好群', from, text })
      return seen.get(id) !== undefined
    },
    close: () => app.close(),
  }
}

// In the member's guide, every code span a member could send is a command, except these:
// the chatter it names as chatter, and pieces of a message or of the bot's answers.
const MEMBER_CHATTER = ['蓝莓看着好新鲜', '我家孩子要2个小时才能到', '取消了吗']
const MEMBER_PIECES = ['0', '3号楼', '125g', '自提东门', '快递', '138****5678']
const isBotText = (code: string) => /^\p{Extended_Pictographic}/u.test(code)

describe('examples in the guides are commands the bot reads', () => {
  it('finds the example columns', () => {
    expect(
      tableExamples(
        '| 做什么 | 例子 | 结果 |\n|---|---|---|\n| 截单 | `截单` `/close` | 马上截单 |\n\n| 键 | 意思 |\n|---|---|\n| x | `价格` |',
      ),
    ).toEqual(['截单', '/close'])
  })

  for (const guide of GUIDES) {
    it(guide, async () => {
      const examples = tableExamples(readFileSync(join(ROOT, guide), 'utf8'))
      expect(examples.length).toBeGreaterThan(10)
      const bot = await probe()
      const chatter: string[] = []
      for (const text of examples) if (!(await bot.isCommand(text))) chatter.push(text)
      bot.close()
      expect(chatter, `${guide}: examples the bot would take as chatter`).toEqual([])
    })
  }

  it('docs/member-guide.zh-CN.md: every example a member sends is a command, and what it calls chatter is chatter', async () => {
    const text = readFileSync(join(ROOT, 'docs/member-guide.zh-CN.md'), 'utf8').replace(/```[\s\S]*?```/g, '')
    const spans = [...text.matchAll(/`([^`\n]+)`/g)]
      .map((m) => m[1])
      .filter((c) => !isBotText(c) && !MEMBER_PIECES.includes(c))
    const bot = await probe()
    const wrong: string[] = []
    for (const code of spans) {
      const meant = !MEMBER_CHATTER.includes(code)
      if ((await bot.isCommand(code, 'Lily')) !== meant)
        wrong.push(`${code} (${meant ? 'taken as chatter' : 'taken as a command'})`)
    }
    bot.close()
    expect(spans.length).toBeGreaterThan(30)
    expect(wrong).toEqual([])
  })
})
