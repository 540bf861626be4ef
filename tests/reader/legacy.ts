// The join parsing the bot had before the reader (parseJoin, the 取消 command, readLine for
// 接龙 lines, pickSale / pickItem), as a Reader, so that the corpus can score it too:
// `npm run --silent reader:score -- --legacy`.
import { parseJoin } from '../../src/core/join.js'
import { readLine } from '../../src/core/chain.js'
import { looseKey, normalize } from '../../src/core/text.js'
import type { Change, Reading, Vocab, VocabSale } from '../../src/core/reader.js'

const ASK: Reading = { kind: 'ask', question: '?', reason: 'unsure' }
const NONE: Reading = { kind: 'none' }

function named(s: VocabSale, text: string): number[] {
  const key = looseKey(text)
  const hits = s.items
    .filter((i) => i.name && key.includes(looseKey(i.name)))
    .sort((a, b) => b.name.length - a.name.length)
  const out: number[] = []
  for (const i of hits)
    if (!out.some((id) => looseKey(s.items.find((x) => x.id === id)!.name).includes(looseKey(i.name)))) out.push(i.id)
  return out
}

function pick(vocab: Vocab, ref: number | null, rest: string): VocabSale | null {
  if (ref !== null) return vocab.sales.find((s) => s.no === ref) ?? null
  if (vocab.sales.length === 1) return vocab.sales[0]
  const ws = rest
    .split(/[\s,，、.。!！?？]+/)
    .map(looseKey)
    .filter((w) => w.length >= 2)
  const m = vocab.sales.filter((s) => ws.some((w) => looseKey(s.title).includes(w)) || named(s, rest).length > 0)
  return m.length === 1 ? m[0] : null
}

export function legacyRead(text: string, vocab: Vocab, mode: 'chat' | 'line'): Reading {
  if (vocab.sales.length === 0) return NONE
  if (mode === 'line') {
    const s = vocab.sales[0]
    const r = readLine(text)
    if (!r.ok) return ASK
    const item = s.items.length === 1 ? s.items[0].id : named(s, r.words).length === 1 ? named(s, r.words)[0] : null
    return item === null
      ? ASK
      : { kind: 'order', changes: [{ op: 'set', sale: s.no, item, qty: r.qty }], words: r.words, text, forName: null }
  }
  const t = normalize(text).trim()
  const quit = /^(?:取消|\/quit|\/cancel)(?:$|[\s#\d])(.*)$/.exec(t)
  if (quit) {
    const what = quit[1].trim()
    if (what === '')
      return { kind: 'order', changes: [{ op: 'cancel', sale: null, item: null }], words: '', text, forName: null }
    const ref = /^#?(\d{1,4})$/.exec(what)
    if (ref)
      return vocab.sales.some((s) => s.no === Number(ref[1]))
        ? {
            kind: 'order',
            changes: [{ op: 'cancel', sale: Number(ref[1]), item: null }],
            words: '',
            text,
            forName: null,
          }
        : ASK
    const changes: Change[] = vocab.sales.flatMap((s) =>
      named(s, what).length === 1 ? [{ op: 'cancel' as const, sale: s.no, item: named(s, what)[0] }] : [],
    )
    return changes.length ? { kind: 'order', changes, words: '', text, forName: null } : NONE
  }
  const j = parseJoin(/^接龙[\s\d]/.test(t) ? `/join ${t.slice(2)}` : t)
  if (!j) return NONE
  const s = pick(vocab, j.saleRef, j.rest)
  if (!s) return ASK
  const items = s.items.length === 1 ? [s.items[0].id] : named(s, j.rest)
  if (items.length !== 1) return ASK
  return {
    kind: 'order',
    changes: [{ op: j.mode, sale: s.no, item: items[0], qty: j.quantity }],
    words: j.rest,
    text,
    forName: null,
  }
}
