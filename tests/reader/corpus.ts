// Loads the reader corpus (corpus.txt, heldout.txt) and scores the reader on it: each
// message is read in its set-up, the reading applied to the member's order before, and
// the resulting order compared with what the member meant.
import { readFileSync } from 'node:fs'
import { readOrder, type Reading, type Vocab } from '../../src/core/reader.js'
import { SETUPS } from './setups.js'

export type Entry = {
  file: string
  line: number
  category: string
  setup: string
  line_mode: boolean
  before: string
  text: string
  expected: string
}
export type Verdict = 'meant' | 'ignored' | 'phantom' | 'wrong' | 'asked'
export const VERDICTS: Verdict[] = ['meant', 'ignored', 'phantom', 'wrong', 'asked']

export function loadCorpus(path: string): Entry[] {
  const out: Entry[] = []
  let category = ''
  let setup = ''
  let before = ''
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const l = raw.trim()
      if (l === '' || l.startsWith('# ')) return
      if (l.startsWith('## ')) {
        category = l.slice(3).trim()
        return
      }
      if (l.startsWith('@ ')) {
        const [name, ...b] = l.slice(2).trim().split(/\s+/)
        setup = name
        before = b.join(' ')
        return
      }
      const at = raw.lastIndexOf(' => ')
      if (at < 0) throw new Error(`${path}:${i + 1}: no ' => '`)
      const chain = setup.startsWith('chain:')
      out.push({
        file: path,
        line: i + 1,
        category,
        setup: chain ? setup.slice(6) : setup,
        line_mode: chain,
        before,
        text: raw.slice(0, at).trim().replace(/\\n/g, '\n'),
        expected: raw.slice(at + 4).trim(),
      })
    })
  return out
}

type State = Map<string, number>

/** The key of an item named in an outcome: '' (the only item), 紫色, 团2, 团1:大果. */
function keyOf(vocab: Vocab, name: string): string {
  const m = /^团(\d+)(?::(.*))?$/.exec(name)
  if (m) {
    const s = vocab.sales.find((x) => x.no === Number(m[1]))
    if (!s) throw new Error(`no sale ${m[1]}`)
    const item = m[2] === undefined ? s.items[0] : s.items.find((i) => i.name === m[2])
    if (!item || (m[2] === undefined && s.items.length !== 1)) throw new Error(`unclear item ${name}`)
    return `${s.no}:${item.id}`
  }
  if (name === '') {
    if (vocab.sales.length !== 1 || vocab.sales[0].items.length !== 1) throw new Error('no only item')
    return `${vocab.sales[0].no}:${vocab.sales[0].items[0].id}`
  }
  for (const s of vocab.sales) for (const i of s.items) if (i.name === name) return `${s.no}:${i.id}`
  throw new Error(`unknown item ${name}`)
}

function parseBefore(vocab: Vocab, before: string): State {
  const st: State = new Map()
  for (const p of before.split(/\s+/).filter(Boolean)) {
    const m = /^(.*)=(\d+)$/.exec(p)
    if (!m) throw new Error(`bad order before: ${p}`)
    st.set(keyOf(vocab, m[1]), Number(m[2]))
  }
  return st
}

const who = (name: string | null) => (name === null ? '' : `@${name}/`)

/** The state the expected outcome leads to, or 'ask' / 'none'. */
function expectedState(vocab: Vocab, before: State, expected: string): State | 'ask' | 'none' {
  if (expected === '?') return 'ask'
  if (expected === '-') return 'none'
  const st: State = new Map(before)
  let person: string | null = null
  for (const p of expected.split(/\s+/)) {
    if (p.startsWith('@')) {
      person = p.slice(1)
      continue
    }
    let m: RegExpExecArray | null
    if ((m = /^x(.*)$/.exec(p))) {
      const name = m[1]
      for (const k of [...st.keys()]) {
        if (name === '' || (/^团\d+$/.test(name) && k.startsWith(`${name.slice(1)}:`)) || k === keyOf(vocab, name))
          st.set(k, 0)
      }
      continue
    }
    if ((m = /^(.*)>(.+)$/.exec(p))) {
      const to = keyOf(vocab, m[2])
      const from = m[1] === '' ? [...st.entries()].find(([k, v]) => v > 0 && k !== to)?.[0] : keyOf(vocab, m[1])
      if (!from) throw new Error(`switch from nothing: ${p}`)
      st.set(to, (st.get(to) ?? 0) + (st.get(from) ?? 0))
      st.set(from, 0)
      continue
    }
    if ((m = /^(.*?)([=+-])(\d+)$/.exec(p))) {
      const k = who(person) + keyOf(vocab, m[1])
      const had = st.get(k) ?? 0
      const n = Number(m[3])
      st.set(k, m[2] === '=' ? n : m[2] === '+' ? had + n : Math.max(0, had - n))
      continue
    }
    throw new Error(`bad outcome part: ${p}`)
  }
  return st
}

function applyReading(before: State, r: Reading & { kind: 'order' }): State {
  const st: State = new Map(before)
  const w = who(r.forName)
  for (const c of r.changes) {
    if (c.op === 'cancel') {
      for (const k of [...st.keys()])
        if (c.sale === null || (c.item === null ? k.startsWith(`${c.sale}:`) : k === `${c.sale}:${c.item}`))
          st.set(k, 0)
      continue
    }
    const k = w + `${c.sale}:${c.item}`
    const had = st.get(k) ?? 0
    if (c.op === 'switch') {
      const to = `${c.sale}:${c.to}`
      st.set(to, (st.get(to) ?? 0) + had)
      st.set(k, 0)
    } else st.set(k, c.op === 'set' ? c.qty : c.op === 'add' ? had + c.qty : Math.max(0, had - c.qty))
  }
  return st
}

const same = (a: State, b: State) => {
  const keys = new Set([...a.keys(), ...b.keys()])
  return [...keys].every((k) => (a.get(k) ?? 0) === (b.get(k) ?? 0))
}

export type Scored = Entry & { verdict: Verdict; reading: Reading }

export type Reader = (text: string, vocab: Vocab, mode: 'chat' | 'line') => Reading

export function score(e: Entry, read: Reader = readOrder): Scored {
  const base = SETUPS[e.setup]
  if (!base) throw new Error(`${e.file}:${e.line}: no set-up ${e.setup}`)
  const before = parseBefore(base, e.before)
  const vocab: Vocab = {
    ...base,
    sales: base.sales.map((s) => ({
      ...s,
      items: s.items.map((i) => ({ ...i, held: before.get(`${s.no}:${i.id}`) ?? 0 })),
    })),
  }
  const exp = expectedState(vocab, before, e.expected)
  const reading = read(e.text, vocab, e.line_mode ? 'line' : 'chat')
  const got: State | 'ask' | 'none' =
    reading.kind === 'order' ? applyReading(before, reading) : reading.kind === 'ask' ? 'ask' : 'none'
  let verdict: Verdict
  const changed = got instanceof Map && !same(got, before)
  if (exp === 'ask') verdict = got === 'ask' ? 'meant' : changed ? 'phantom' : 'ignored'
  else if (exp === 'none') verdict = got === 'ask' ? 'asked' : changed ? 'phantom' : 'meant'
  else if (got === 'ask') verdict = 'asked'
  else if (got === 'none' || !changed) verdict = same(exp, before) ? 'meant' : 'ignored'
  else verdict = same(got, exp) ? 'meant' : 'wrong'
  return { ...e, verdict, reading }
}

export type Row = { category: string; n: number } & Record<Verdict, number>

export function table(scored: Scored[]): Row[] {
  const rows = new Map<string, Row>()
  const total: Row = { category: 'all', n: 0, meant: 0, ignored: 0, phantom: 0, wrong: 0, asked: 0 }
  for (const s of scored) {
    const r = rows.get(s.category) ?? {
      category: s.category,
      n: 0,
      meant: 0,
      ignored: 0,
      phantom: 0,
      wrong: 0,
      asked: 0,
    }
    r.n++
    r[s.verdict]++
    total.n++
    total[s.verdict]++
    rows.set(s.category, r)
  }
  return [...rows.values(), total]
}

export function render(title: string, rows: Row[]): string {
  const head = `| ${title} | messages | read as meant | silently ignored | phantom | wrong quantity | asked |`
  const lines = rows.map(
    (r) =>
      `| ${r.category} | ${r.n} | ${r.meant} (${((100 * r.meant) / r.n).toFixed(1)}%) | ${r.ignored} | ${r.phantom} | ${r.wrong} | ${r.asked} |`,
  )
  return [head, '|---|---:|---:|---:|---:|---:|---:|', ...lines].join('\n')
}
