// Which sale and which item a member's message is about. Never a guess: when it is
// not clear, the caller gets a question to send back.
import type { Book } from '../core/sale.js'
import { looseKey } from '../core/text.js'
import type { SaleRow } from './repo.js'
import { t } from '../i18n/zh-CN.js'

export type Pick<T> = { ok: true; value: T } | { ok: false; question: string } | { ok: false; question: null }

const words = (rest: string) => rest.split(/[\s,，、.。!！?？]+/).map(looseKey).filter((w) => w.length > 0)

/** Items whose names appear in the text, longest name first so 超大果 wins over 大果. */
export function namedItems(book: Book, text: string): number[] {
  const key = looseKey(text)
  const named = book.items.filter((i) => i.name && key.includes(looseKey(i.name)))
    .sort((a, b) => b.name.length - a.name.length)
  const out: number[] = []
  for (const i of named) {
    if (out.some((id) => looseKey(book.items.find((x) => x.id === id)!.name).includes(looseKey(i.name)))) continue
    out.push(i.id)
  }
  return out
}

/**
 * The sale a join is for: by its number, the only open one, or a title word or
 * variant name that only one open sale has. `bookOf` loads a sale's book only when needed.
 */
export function pickSale(open: SaleRow[], bookOf: (s: SaleRow) => Book, ref: number | null, rest: string): Pick<SaleRow> {
  if (ref !== null) {
    const s = open.find((x) => x.no === ref)
    return s ? { ok: true, value: s } : { ok: false, question: t('sale.notFound', { no: ref }) }
  }
  if (open.length === 0) return { ok: false, question: null }
  if (open.length === 1) return { ok: true, value: open[0] }
  const ws = words(rest)
  const matches = open.filter((s) => {
    const title = looseKey(s.title)
    if (ws.some((w) => w.length >= 2 && title.includes(w))) return true
    return namedItems(bookOf(s), rest).length > 0
  })
  if (matches.length === 1) return { ok: true, value: matches[0] }
  return { ok: false, question: t('sale.whichSale', { choices: open.map((s) => `团${s.no} ${s.title}`).join('、'), example: `#${open[0].no} +1` }) }
}

export function pickItem(sale: SaleRow, book: Book, rest: string): Pick<number> {
  if (book.items.length === 1) return { ok: true, value: book.items[0].id }
  const named = namedItems(book, rest)
  if (named.length === 1) return { ok: true, value: named[0] }
  const names = book.items.map((i) => i.name)
  return { ok: false, question: t('sale.whichVariant', { no: sale.no, variants: names.join(' / '), example: `+1 ${names[0]}` }) }
}
