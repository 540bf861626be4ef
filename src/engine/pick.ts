// Which item of a sale a member's message is about. Never a guess: when it is not clear, the
// caller gets a question to send back. (Which sale: services/sales.ts.)
import type { Book } from '../core/sale.js'
import { looseKey } from '../core/text.js'
import type { SaleRow } from './repo.js'
import { t } from '../i18n/zh-CN.js'

export type Pick<T> = { ok: true; value: T } | { ok: false; question: string } | { ok: false; question: null }

/** Items whose names appear in the text, longest name first so 超大果 wins over 大果. */
export function namedItems(book: Book, text: string): number[] {
  const key = looseKey(text)
  const named = book.items
    .filter((i) => i.name && key.includes(looseKey(i.name)))
    .sort((a, b) => b.name.length - a.name.length)
  const out: number[] = []
  for (const i of named) {
    if (out.some((id) => looseKey(book.items.find((x) => x.id === id)!.name).includes(looseKey(i.name)))) continue
    out.push(i.id)
  }
  return out
}

export function pickItem(sale: SaleRow, book: Book, rest: string): Pick<number> {
  if (book.items.length === 1) return { ok: true, value: book.items[0].id }
  const named = namedItems(book, rest)
  if (named.length === 1) return { ok: true, value: named[0] }
  const names = book.items.map((i) => i.name)
  return {
    ok: false,
    question: t('sale.whichVariant', { no: sale.no, variants: names.join(' / '), example: `+1 ${names[0]}` }),
  }
}
