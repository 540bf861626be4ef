// The sale a command is about: `#2`, `团2`, a bare number, or the only open sale.
import { extractSaleRef } from '../core/join.js'
import { fail, type Ctx } from './types.js'
import { openSales, saleByNo, type SaleRow } from './repo.js'

/** `example` shows the command with a sale number, for the question asked when several sales are open. */
export function targetSale(ctx: Ctx, ref: number | null, opts: { mustBeOpen: boolean; example?: (no: number) => string }): SaleRow {
  const group = ctx.group!
  if (ref !== null) {
    const sale = saleByNo(ctx.db, group.id, ref)
    if (!sale) throw fail('sale.notFound', { no: ref })
    if (opts.mustBeOpen && sale.state !== 'open') throw fail('sale.notOpen', { no: ref })
    return sale
  }
  const open = openSales(ctx.db, group.id)
  if (open.length === 1) return open[0]
  if (open.length === 0) throw fail('sale.none')
  const example = (opts.example ?? ((no: number) => `#${no}`))(open[0].no)
  throw fail('sale.whichSale', { choices: open.map((s) => `团${s.no} ${s.title}`).join('、'), example })
}

/** Split a leading sale reference off a command's arguments: '#2 2h', '团2', '2'. */
export function saleRefOf(rest: string): { ref: number | null; rest: string } {
  const r = extractSaleRef(rest)
  if (r.ref !== null) return { ref: r.ref, rest: r.text.trim() }
  const m = /^(\d{1,4})(?:\s+|$)(.*)$/s.exec(rest.trim())
  return m ? { ref: Number(m[1]), rest: m[2].trim() } : { ref: null, rest: rest.trim() }
}

