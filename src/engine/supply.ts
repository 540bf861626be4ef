// Suppliers and quotes in the database, and the private advice at close on whom to order from.
import { and, asc, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { quotes, sales, suppliers } from '../db/schema.js'
import { looseKey } from '../core/text.js'
import { planSupply, type QuoteInfo, type QuoteTerms, type SupplyPlan } from '../core/supply.js'
import { tiersFromJson } from '../core/tiers.js'
import { money } from '../core/render.js'
import { t } from '../i18n/zh-CN.js'
import { contactOf, enqueue, memberById, type SaleRow } from './repo.js'
import { userError } from './types.js'

export type SupplierRow = typeof suppliers.$inferSelect
export type QuoteRow = typeof quotes.$inferSelect

export function supplierByName(db: Db, name: string): SupplierRow | undefined {
  const all = db.select().from(suppliers).all()
  return all.find((s) => s.name === name) ?? all.find((s) => looseKey(s.name) === looseKey(name))
}

export const quotesOf = (db: Db, supplierId: number): QuoteRow[] =>
  db.select().from(quotes).where(eq(quotes.supplierId, supplierId)).orderBy(asc(quotes.id)).all()

/** A quote's item matches a sale title when either contains the other (云南蓝莓 ~ 云南蓝莓 125g×4盒). */
export const itemMatches = (item: string, title: string) => {
  const a = looseKey(item),
    b = looseKey(title)
  return a !== '' && (b.includes(a) || a.includes(b))
}

/** The supplier's quote for a sale: the one whose item matches, or its only quote. */
export function quoteFor(db: Db, supplierId: number, title: string): QuoteRow | undefined {
  const list = quotesOf(db, supplierId)
  return list.find((q) => itemMatches(q.item, title)) ?? (list.length === 1 ? list[0] : undefined)
}

/** A supplier may be attached to a sale unless its sample for that item failed. */
export function checkAttachable(db: Db, name: string, title: string): SupplierRow {
  const s = supplierByName(db, name)
  if (!s) throw userError('supply.unknownSupplier', { name })
  const q = quoteFor(db, s.id, title)
  if (q?.sample === 'failed')
    throw userError('supply.sampleFailed', { name: s.name, item: q.item, note: q.sampleNote ?? '' })
  return s
}

export const supplierForLaunch = (db: Db, name: string, title: string): number => checkAttachable(db, name, title).id

const info = (db: Db, q: QuoteRow): QuoteInfo => ({
  supplier: db.select({ name: suppliers.name }).from(suppliers).where(eq(suppliers.id, q.supplierId)).get()!.name,
  minOrder: q.minOrder,
  leadDays: q.leadDays,
  capacity: q.capacity,
  ladder: tiersFromJson(q.ladder),
})

/**
 * The quote to order from and the backups (other suppliers quoting the same item whose sample
 * did not fail, primary first): the attached supplier's, else the item's primary quote.
 */
export function sourcesFor(db: Db, sale: SaleRow): { primary: QuoteRow; backups: QuoteRow[] } | null {
  const all = db
    .select()
    .from(quotes)
    .orderBy(asc(quotes.id))
    .all()
    .filter((q) => q.sample !== 'failed' && itemMatches(q.item, sale.title))
  const attached = sale.supplierId !== null ? quoteFor(db, sale.supplierId, sale.title) : undefined
  const primary = attached ?? all.find((q) => q.isPrimary) ?? all[0]
  if (!primary) return null
  const backups = all
    .filter((q) => q.supplierId !== primary.supplierId)
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.id - b.id)
  return { primary, backups }
}

/** Whom to order `total` units from: the primary up to its capacity, the rest across backups. */
export function supplyPlan(db: Db, sale: SaleRow, total: number): SupplyPlan | null {
  const src = sourcesFor(db, sale)
  return src
    ? planSupply(
        total,
        info(db, src.primary),
        src.backups.map((q) => info(db, q)),
      )
    : null
}

/** At close: tell the sale's organizer privately whom to order from, and how to split above capacity. */
export function adviseSupply(db: Db, sale: SaleRow, total: number, now: number): void {
  if (total <= 0 || sale.createdBy === null) return
  const plan = supplyPlan(db, sale, total)
  if (!plan) return
  const lines = [t('supply.adviceHeader', { no: sale.no, title: sale.title, units: total })]
  for (const l of plan.lines) {
    lines.push(
      t('supply.adviceLine', {
        supplier: l.supplier,
        qty: l.qty,
        unit: l.unitFen === null ? null : money(l.unitFen),
        cost: l.costFen === null ? null : money(l.costFen),
        days: l.leadDays,
      }),
    )
    if (l.belowMin !== null)
      lines.push(t('supply.belowMin', { supplier: l.supplier, min: l.belowMin, missing: l.belowMin - l.qty }))
  }
  if (plan.lines.length > 1) lines.push(t('supply.split', { count: plan.lines.length }))
  if (plan.short > 0) lines.push(t('supply.short', { units: plan.short }))
  if (plan.alternative) lines.push(t('supply.alternative', { supplier: plan.alternative }))
  const cost = plan.lines.every((l) => l.costFen !== null) ? plan.lines.reduce((s, l) => s + (l.costFen ?? 0), 0) : null
  if (cost !== null && plan.short === 0) lines.push(t('supply.cost', { cost: money(cost) }))
  const by = memberById(db, sale.createdBy)
  enqueue(db, { toName: by.name, toId: contactOf(by), text: lines.join('\n'), kind: 'event' }, now)
}

/** /supplier add: a new supplier, or new contact details for a known one. Returns whether it was known. */
export function saveSupplier(
  db: Db,
  name: string,
  contact: string | null,
  phone: string | null,
  now: number,
): { supplier: SupplierRow; known: boolean } {
  const found = supplierByName(db, name)
  if (found)
    db.update(suppliers)
      .set({ contact: contact ?? found.contact, phone: phone ?? found.phone })
      .where(eq(suppliers.id, found.id))
      .run()
  else db.insert(suppliers).values({ name, contact, phone, createdAt: now }).run()
  return { supplier: supplierByName(db, name)!, known: !!found }
}

export const allSuppliers = (db: Db): SupplierRow[] => db.select().from(suppliers).all()

export const allQuotes = (db: Db): { q: QuoteRow; name: string }[] =>
  db
    .select({ q: quotes, name: suppliers.name })
    .from(quotes)
    .innerJoin(suppliers, eq(quotes.supplierId, suppliers.id))
    .all()

/**
 * 报价: one quote per supplier and item. The first quote for an item is its primary supplier;
 * later ones are backups unless they say 主供 (1+N). A new quote replaces the terms it states;
 * terms it leaves out stay as they were. Returns the saved quote and how many backups the item has.
 */
export function saveQuote(db: Db, s: SupplierRow, q: QuoteTerms, now: number): { row: QuoteRow; backups: number } {
  const key = looseKey(q.item)
  const sameItem = db
    .select()
    .from(quotes)
    .all()
    .filter((x) => looseKey(x.item) === key)
  const existing = sameItem.find((x) => x.supplierId === s.id)
  const othersPrimary = sameItem.some((x) => x.supplierId !== s.id && x.isPrimary)
  const isPrimary = q.role === 'primary' || (q.role === null && (existing ? existing.isPrimary : !othersPrimary))
  if (isPrimary)
    for (const x of sameItem)
      if (x.supplierId !== s.id && x.isPrimary)
        db.update(quotes).set({ isPrimary: false }).where(eq(quotes.id, x.id)).run()
  const terms = {
    minOrder: q.minOrder,
    leadDays: q.leadDays,
    capacity: q.capacity,
    ladder: JSON.stringify(q.ladder),
    isPrimary,
  }
  if (existing) {
    const keep = {
      minOrder: q.minOrder ?? existing.minOrder,
      leadDays: q.leadDays ?? existing.leadDays,
      capacity: q.capacity ?? existing.capacity,
      ladder: q.ladder.length > 0 ? terms.ladder : existing.ladder,
      isPrimary,
    }
    db.update(quotes).set(keep).where(eq(quotes.id, existing.id)).run()
  } else {
    db.insert(quotes)
      .values({ supplierId: s.id, item: q.item, ...terms, createdAt: now })
      .run()
  }
  const row = db
    .select()
    .from(quotes)
    .all()
    .find((x) => x.supplierId === s.id && looseKey(x.item) === key)!
  return { row, backups: sameItem.filter((x) => x.supplierId !== s.id).length }
}

/** 样品: a sample result on a quote. */
export function recordSample(db: Db, quoteId: number, passed: boolean, note: string | null): void {
  db.update(quotes)
    .set({ sample: passed ? 'passed' : 'failed', sampleNote: note })
    .where(eq(quotes.id, quoteId))
    .run()
}

/** Sales still relying on a supplier: not failed, aborted or completed. */
export function salesUsing(db: Db, supplierId: number): SaleRow[] {
  return db
    .select()
    .from(sales)
    .where(
      and(
        eq(sales.supplierId, supplierId),
        ne(sales.state, 'failed'),
        ne(sales.state, 'aborted'),
        isNull(sales.completedAt),
      ),
    )
    .all()
}
