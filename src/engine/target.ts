// A sale number at the start of a command's words: `#2`, `团2` or a bare number.
import { z } from 'zod'
import { extractSaleRef } from '../core/join.js'

/** Split a leading sale reference off a command's arguments: '#2 2h', '团2', '2'. */
export function saleRefOf(rest: string): { ref: number | null; rest: string } {
  const r = extractSaleRef(rest)
  if (r.ref !== null) return { ref: r.ref, rest: r.text.trim() }
  const m = /^(\d{1,4})(?:\s+|$)(.*)$/s.exec(rest.trim())
  return m ? { ref: Number(m[1]), rest: m[2].trim() } : { ref: null, rest: rest.trim() }
}

/** A command's words split into the sale they name (团2, #2) and the rest (a group's name, a comment …). */
export type Scoped = { ref: number | null; words: string }

export function scopedOf(rest: string): Scoped {
  const r = extractSaleRef(rest)
  return { ref: r.ref, words: r.text }
}

/** The schema of a Scoped, `max` characters of words at most. */
export const scopedArgs = (max: number) =>
  z.object({ ref: z.number().int().positive().nullable(), words: z.string().max(max) })
