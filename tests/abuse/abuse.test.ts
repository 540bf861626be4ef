// The abuse corpus: hostile inputs in the replay format, each line saying what must
// happen to it ("expect", and "says": a piece of the reply) and, for joins, what the
// tally becomes ("tally"; absent = no change). A line with a "bug" field is a known
// defect: its check is skipped and named BUG until the fix lands. Replayed through the real engine, then through the simulator as a child
// process. Invalid lines (not JSON, or missing a field) carry no expectation: the replay
// must report each of them and go on.
import { readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeApp, type App } from '../../src/app.js'
import { exportRows } from '../../src/export.js'
import { RecordingTransport, replay, type OutLine } from '../../src/replay.js'
import { t } from '../../src/i18n/zh-CN.js'
import { list } from '../../commands/list.js'
import { memoryLogger } from '../props/driver.js'
import { expectNoPii, findPii, groupTexts } from '../props/privacy.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CORPUS = fileURLToPath(new URL('./corpus.jsonl', import.meta.url))
const ROOM = '烘焙同好群'

type Expect = 'ignored' | 'reply' | 'refused' | 'launched' | 'error'
type Entry = { lineNo: number; raw: string; json: Record<string, any> | null; expect: Expect | null }

const raws = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l, i, all) => !(i === all.length - 1 && l === ''))
const entries: Entry[] = raws.map((raw, i) => {
  let json: Record<string, any> | null = null
  try {
    const v = JSON.parse(raw)
    json = v !== null && typeof v === 'object' && !Array.isArray(v) ? v : null
  } catch {
    // an invalid line on purpose
  }
  const declared = json && Object.hasOwn(json, 'expect') ? (json.expect as Expect) : null
  return { lineNo: i + 1, raw, json, expect: json === null ? 'error' : declared }
})
const messages = entries.filter((e) => e.json && typeof e.json.text === 'string' && e.expect !== 'error')
/** An organizer-only refusal, whichever command it names. */
const isRefusal = (text: string) =>
  list().some((c) => text.includes(t('error.organizerOnly', { command: c.aliases[0] })))

/** sale 1's tally, member -> "confirmed+waiting" */
function tally(app: App): Record<string, string> {
  const out: Record<string, string> = {}
  for (const r of exportRows(app.db, { room: ROOM, sale: 1 })) {
    if (r.quantity > 0 || r.waitlist > 0)
      Object.defineProperty(out, r.member, { value: `${r.quantity}+${r.waitlist}`, enumerable: true })
  }
  return out
}

function diff(a: Record<string, string>, b: Record<string, string>): Record<string, string> {
  const changed: Record<string, string> = {}
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[k] !== b[k]) Object.defineProperty(changed, k, { value: b[k] ?? '0+0', enumerable: true })
  }
  return changed
}

describe('the abuse corpus through the replay', () => {
  let out: OutLine[]
  let errors: string[]
  let logs: string[]
  let app: App
  // tally changes per message id, one entry per delivery (a duplicate adds a second)
  const deltas = new Map<string, Record<string, string>[]>()

  beforeAll(async () => {
    const transport = new RecordingTransport()
    const mem = memoryLogger('trace')
    logs = mem.lines
    app = makeApp({ dbFile: ':memory:', transport, log: mem.log })
    // watch the tally around each message the engine handles
    const handle = app.engine.handle.bind(app.engine)
    app.engine.handle = async (msg) => {
      const before = tally(app)
      await handle(msg)
      deltas.set(msg.id, [...(deltas.get(msg.id) ?? []), diff(before, tally(app))])
    }
    errors = []
    await replay(app, raws, (e) => errors.push(e))
    out = transport.lines
  }, 30_000)

  it('is a real corpus: the hostile inputs the issue lists are in it', () => {
    const text = raws.join('\n')
    expect(
      raws.some((l) => Buffer.byteLength(l) >= 100_000),
      'a 100 KB message',
    ).toBe(true)
    for (const needle of [
      '\\u0000',
      '\u200b',
      '\u202e',
      '🍓',
      'DROP TABLE',
      '"__proto__"',
      '"constructor"',
      '+1e309',
      '+-0',
      '+0x10',
      '+9999999999',
      '－2',
      '1970-01-01',
      '2200-01-01',
      '"from":"/close"',
      '"from":"+1"',
    ]) {
      expect(text, needle).toContain(needle)
    }
    expect(entries.filter((e) => e.json === null).length, 'invalid JSON lines').toBeGreaterThanOrEqual(5)
  })

  it('reports every invalid line with its number and nothing else', () => {
    const reported = errors.map((e) => Number(/^line (\d+):/.exec(e)?.[1]))
    expect(reported.sort((a, b) => a - b)).toEqual(entries.filter((e) => e.expect === 'error').map((e) => e.lineNo))
  })

  const label = (e: Entry) => String(e.json!.why ?? e.json!.text.slice(0, 40)).replace(/\s+/g, ' ')

  it.each(messages.map((e) => [e.lineNo, label(e), e] as const))(
    'line %i (%s): the tally changes only as declared',
    (_n, _why, e) => {
      const id = String(e.json!.id)
      const delivery = entries.filter((x) => x.json?.id === e.json!.id && x.lineNo < e.lineNo).length
      const seen = deltas.get(id) ?? []
      expect(seen.length, 'the engine saw the message').toBeGreaterThan(delivery)
      const want: Record<string, string> = {}
      for (const [k, v] of Object.entries((e.json!.tally ?? {}) as Record<string, number>))
        Object.defineProperty(want, k, { value: `${v}+0`, enumerable: true })
      expect(seen[delivery]).toEqual(want)
    },
  )

  const answerCases = messages.map((e) => [e.lineNo, e.expect, label(e), e] as const)
  it.each(answerCases.filter(([, , , e]) => !e.json!.bug))('line %i gets %s (%s)', (_n, _x, _why, e) => checkAnswer(e))
  // BUG lines: see the "bug" field of each line in corpus.jsonl
  for (const [n, x, why, e] of answerCases.filter(([, , , e]) => e.json!.bug)) {
    it(`fixed: line ${n} gets ${x} (${why}): ${e.json!.bug}`, () => checkAnswer(e))
  }

  function checkAnswer(e: Entry): void {
    // sends between this line and the next line that has a time are this line's answer
    const idx = entries.indexOf(e)
    const start = timeOf(idx)
    const nextAt =
      entries
        .slice(idx + 1)
        .map((_, k) => timeOf(idx + 1 + k))
        .find((x) => x > start) ?? Infinity
    const mine = out.filter((o) => Date.parse(o.at) >= start && Date.parse(o.at) < nextAt)
    const from: string = e.json!.from
    const toSender = mine.filter((o) => (e.json!.room ? o.room === e.json!.room : o.to === from))
    switch (e.expect) {
      case 'ignored':
        expect(mine, 'nothing sent').toEqual([])
        break
      case 'reply':
        expect(toSender.length, 'a reply').toBeGreaterThan(0)
        if (e.json!.says) expect(toSender.map((o) => o.text).join('\n')).toContain(e.json!.says)
        break
      case 'refused':
        expect(
          toSender.some((o) => o.mentions.includes(from) && o.text.includes(`@${from}`) && isRefusal(o.text)),
          `a refusal @${from}: ${JSON.stringify(toSender)}`,
        ).toBe(true)
        break
      case 'launched':
        expect(toSender.some((o) => o.text.startsWith('🛒 团1 开团：云南蓝莓'))).toBe(true)
        break
    }
  }

  /** The virtual time a line is handled at: its own, or the last one before it (the clock never goes back). */
  function timeOf(idx: number): number {
    let now = -Infinity
    for (const e of entries.slice(0, idx + 1)) {
      const at = e.json && e.expect !== 'error' && typeof e.json.at === 'string' ? Date.parse(e.json.at) : NaN
      if (!Number.isNaN(at)) now = Math.max(now, at)
    }
    return now
  }

  it('ends with the board the rules give, and a closed sale', () => {
    const rows = exportRows(app.db, { room: ROOM, sale: 1 }).map((r) => [
      r.member,
      r.quantity,
      r.waitlist,
      r.amount,
      r.sale_state,
    ])
    expect(rows.sort()).toEqual(
      [
        ['+1', 2, 0, '118.00', 'succeeded'],
        ['/close', 1, 0, '59.00', 'succeeded'],
        ['Lily', 2, 0, '118.00', 'succeeded'],
        ["Robert'); DROP TABLE members;--", 3, 0, '177.00', 'succeeded'],
        ['Tom', 2, 0, '118.00', 'succeeded'],
        ['Zero\u200bWidth', 1, 0, '59.00', 'succeeded'],
        ['__proto__', 1, 0, '59.00', 'succeeded'],
        ['constructor', 1, 0, '59.00', 'succeeded'],
        ['\u202eevil', 1, 0, '59.00', 'succeeded'],
        ['🍓草莓妹', 1, 0, '59.00', 'succeeded'],
      ].sort(),
    )
    // the tables the SQL-looking text names are still there
    const tables = (
      app.db.$client.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
    ).map((r) => r.name)
    expect(tables).toEqual(expect.arrayContaining(['orders', 'members', 'sales', 'groups']))
  })

  it('did not pollute Object.prototype nor make anyone an organizer through __proto__', () => {
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect(({} as Record<string, unknown>).owner).toBeUndefined()
    const owner = app.db.$client.prepare('select owner_name from groups where topic = ?').get(ROOM) as {
      owner_name: string
    }
    expect(owner.owner_name).toBe('阿May')
    expect(app.db.$client.prepare('select name from members where is_admin = 1').all()).toEqual([])
  })

  it('no handler fault: nothing logged at error level, no apology sent', () => {
    const faults = logs.map((l) => JSON.parse(l)).filter((l) => l.level >= 50)
    expect(faults).toEqual([])
    expect(out.filter((o) => o.text === t('error.fault'))).toEqual([])
  })

  // BUG (hardening; not a sale rule): member names are posted as they are, so a name
  // holding U+202E (right-to-left override) reverses the rest of its line in WeChat, the
  // payment lines of the close summary included ("@\u202eevil：1 份 × ¥59，应付 ¥59" shows
  // the amount reversed). Texts are normalized, names are not. Repro: any corpus line from
  // "\u202eevil", or a replay with members ["\u202e阿May"] joining: the digest carries the
  // override unterminated. A fix: strip bidi controls from names, or wrap names in FSI…PDI.
  it('no group message carries a bidi override or embedding taken from a name', () => {
    expect(groupTexts(out).filter((text) => /[\u202A-\u202E]/.test(text))).toEqual([])
  })

  it('no phone number or address in any group message or log line', () => {
    expectNoPii(groupTexts(out), 'abuse corpus, group messages')
    expectNoPii(logs, 'abuse corpus, logs')
  })
})

/** The corpus as typed into the simulator: `Name: text` lines, newlines written as \n. */
function simScript(): { script: string; skipped: number } {
  const lines = [`:room ${ROOM}`, ':owner 阿May']
  let skipped = 0
  for (const e of messages) {
    const { from, text, room } = e.json as { from: string; text: string; room?: string }
    // the simulator's syntax cannot carry these names: it trims them and splits on ':'
    if (from !== from.trim() || /[:：]/.test(from) || [...from].length > 40 || from.startsWith('私聊')) {
      skipped++
      continue
    }
    lines.push(`${room ? '' : '私聊 '}${from}: ${text.replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n')}`)
  }
  // a minute later than her last /my: members' queries are answered once a minute
  lines.push(':wait 61', 'Lily: /my')
  return { script: lines.join('\n') + '\n', skipped }
}

describe('the abuse corpus through the simulator', () => {
  it('keeps the process alive to the end: exit code 0, the launch printed, the last query answered', () => {
    const { script, skipped } = simScript()
    expect(skipped).toBeLessThanOrEqual(3)
    // the simulator's clock starts at the corpus's own morning, not the hour the suite runs at
    const r = spawnSync(
      process.execPath,
      [fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url)), 'src/cli/sim.ts'],
      {
        cwd: ROOT,
        input: script,
        encoding: 'utf8',
        timeout: 45_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LOG_LEVEL: 'info', SHANTUAN_SIM_AT: '2026-12-01T10:00:00+08:00' },
      },
    )
    expect(r.error, String(r.error)).toBeUndefined()
    expect(r.status, r.stderr.slice(-2000)).toBe(0)
    expect(r.stdout).toContain('🛒 团1 开团：云南蓝莓')
    expect(r.stdout).toContain(t('error.tooLong'))
    expect(r.stdout).toContain(t('error.organizerOnly', { command: '/close' }))
    // the closing summary, then the answer to the last line, after every hostile one
    const summary = r.stdout.indexOf('✅ 团1 云南蓝莓 125g×4盒 已截单，成团')
    expect(summary).toBeGreaterThan(0)
    expect(r.stdout.lastIndexOf(t('my.header', { who: 'Lily' }))).toBeGreaterThan(summary)
    expect(r.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/) // no stack trace in the chat
    const faults = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .filter((l) => l.level >= 50)
    expect(faults).toEqual([])
    expect(findPii(r.stderr)).toEqual([])
  }, 60_000)
})
