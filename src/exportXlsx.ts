// The supplier order sheet: an exceljs workbook for one sale — totals per item and variant,
// a sheet per pickup point, the shipping sheet, the member sheet and the sale's figures.
import { and, asc, eq } from 'drizzle-orm'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { tmpdir } from 'node:os'
import type { Db } from './db/db.js'
import { privateDir, uniquePart, writePrivate, writePrivateOver } from './files.js'
import { groups, items, sales } from './db/schema.js'
import { pickupOf } from './core/delivery.js'
import { saleRows, groupRows } from './core/stats.js'
import { pointsOf, saleOrders, type MemberOrder } from './engine/fulfilment.js'
import { supplyPlan } from './engine/supply.js'
import { statsOfGroup, statsOfSale } from './engine/stats.js'
import { contactOf, memberById, type SaleRow } from './engine/repo.js'
import { addressOf } from './engine/delivery.js'

type Cell = string | number | null
export type SheetData = { name: string; header: string[]; rows: Cell[][]; money: number[] }
export type WorkbookData = { title: string; sheets: SheetData[] }

const y = (fen: number) => Math.round(fen) / 100
const PAID: Record<string, string> = { yes: '已确认', reported: '已报付款（待确认）', no: '未付' }
const STATE: Record<string, string> = { pending: '待到货', ready: '待取/已发货', delivered: '已取/已收' }

/** Excel sheet names: at most 31 characters, none of []:*?/\ */
export const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, '_').slice(0, 31)

const deliveryLabel = (d: string | null) =>
  pickupOf(d) !== null ? `自提 ${pickupOf(d)}` : d === 'ship' ? '快递' : '未选'
const goodsText = (o: MemberOrder) => o.lines.map((l) => `${l.item || '—'}×${l.qty}`).join('，')

/** Everything the workbook shows, read in one go (inside a transaction when called by the bot). */
export function workbookData(db: Db, sale: SaleRow): WorkbookData {
  const room = db.select({ topic: groups.topic }).from(groups).where(eq(groups.id, sale.groupId)).get()!.topic
  const its = db.select().from(items).where(eq(items.saleId, sale.id)).orderBy(asc(items.id)).all()
  const owes = sale.state === 'succeeded' || sale.state === 'open'
  const orders = owes ? saleOrders(db, sale) : []
  const sheets: SheetData[] = []

  const totals = its.map((i) => {
    const qty = orders.reduce((s, o) => s + (o.lines.find((l) => l.itemId === i.id)?.qty ?? 0), 0)
    return [i.isDefault ? sale.title : i.name, qty, y(i.priceFen), y(qty * i.priceFen)] as Cell[]
  })
  const units = totals.reduce((s, r) => s + Number(r[1]), 0)
  const gmv = orders.reduce((s, o) => s + o.goodsFen, 0)
  totals.push(['合计', units, null, y(gmv)])
  // what to order from whom, as the organizer was advised at close
  const plan = supplyPlan(db, sale, units)
  if (plan && plan.lines.length > 0) {
    totals.push([], ['供应商', '订货份数', '进价', '成本'])
    for (const l of plan.lines)
      totals.push([
        l.supplier,
        l.qty,
        l.unitFen === null ? null : y(l.unitFen),
        l.costFen === null ? null : y(l.costFen),
      ])
    if (plan.short > 0) totals.push(['（缺口）', plan.short, null, null])
  }
  sheets.push({ name: '订货汇总', header: ['商品/规格', '份数', '单价', '金额'], rows: totals, money: [3, 4] })

  for (const p of pointsOf(sale)) {
    const here = orders.filter((o) => pickupOf(o.participant.delivery) === p)
    sheets.push({
      name: sheetName(`自提-${p}`),
      header: ['成员', '商品', '份数', '付款', '状态'],
      rows: here.map((o) => [
        o.name,
        goodsText(o),
        o.units,
        PAID[o.participant.paid],
        STATE[o.participant.deliveryState],
      ]),
      money: [],
    })
  }

  const shipped = orders.filter((o) => o.participant.delivery === 'ship')
  sheets.push({
    name: '快递',
    header: ['成员', '收件人', '电话', '地址', '商品', '份数', '运费', '快递公司', '运单号', '状态'],
    rows: shipped.map((o) => {
      const a = addressOf(db, contactOf(memberById(db, o.memberId)))
      return [
        o.name,
        a?.recipient ?? '',
        a?.phone ?? '',
        a?.address ?? '',
        goodsText(o),
        o.units,
        y(o.shippingFen),
        o.participant.carrier ?? '',
        o.participant.tracking ?? '',
        STATE[o.participant.deliveryState],
      ]
    }),
    money: [7],
  })

  sheets.push({
    name: '成员',
    header: ['成员', '商品', '份数', '货款', '运费', '应付', '退款', '付款', '取货方式', '状态', '付款备注'],
    rows: orders.map((o) => [
      o.name,
      goodsText(o),
      o.units,
      y(o.goodsFen),
      y(o.shippingFen),
      y(o.dueFen),
      y(o.refundFen),
      PAID[o.participant.paid],
      deliveryLabel(o.participant.delivery),
      STATE[o.participant.deliveryState],
      o.participant.paidNote ?? '',
    ]),
    money: [4, 5, 6, 7],
  })

  const stats = [
    ...saleRows(statsOfSale(db, sale)),
    ['', ''] as [string, string],
    ...groupRows(statsOfGroup(db, sale.groupId)),
  ]
  sheets.push({ name: '统计', header: ['指标', '数值'], rows: stats, money: [] })
  return { title: `${room} 团${sale.no} ${sale.title}`, sheets }
}

/**
 * Write a workbook, readable by the bot's user only. `exclusive` (the bot's own exports folder):
 * the folder is made private and the name must be new; otherwise (a CLI's --out) a file of that
 * name is replaced and the folder left as it is.
 */
export async function writeWorkbook(data: WorkbookData, file: string, exclusive = false): Promise<void> {
  // loaded on first use: exceljs takes ~2 s to import, which every bot start would pay
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '闪团 Shantuan'
  wb.title = data.title
  for (const s of data.sheets) {
    const ws = wb.addWorksheet(s.name)
    ws.addRow(s.header).font = { bold: true }
    for (const r of s.rows) ws.addRow(r)
    s.header.forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.max(8, Math.min(40, [...h].length * 2 + 4))
    })
    for (const c of s.money) ws.getColumn(c).numFmt = '0.00'
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
  if (exclusive) {
    privateDir(dirname(file))
    writePrivate(file, bytes)
  } else {
    mkdirSync(dirname(file), { recursive: true })
    writePrivateOver(file, bytes)
  }
}

/** The sale an export is for: its number, narrowed by the room when several groups have one. */
export function saleForExport(db: Db, no: number, groupId?: number): SaleRow | { error: string } {
  const rows = db
    .select({ s: sales, topic: groups.topic })
    .from(sales)
    .innerJoin(groups, eq(sales.groupId, groups.id))
    .where(groupId === undefined ? eq(sales.no, no) : and(eq(sales.no, no), eq(groups.id, groupId)))
    .all()
  if (rows.length === 1) return rows[0].s
  return {
    error:
      rows.length === 0
        ? `no sale ${no}${groupId !== undefined ? ' in that group' : ''}`
        : `sale ${no} exists in several rooms (${rows.map((r) => r.topic).join(', ')}): add --room or --room-id`,
  }
}

/** Where the bot writes workbooks: exports/ beside the database file (data/exports for the default db). */
export function exportsDir(db: Db): string {
  const file = db.$client.name
  return file === ':memory:' || file === '' ? join(tmpdir(), 'shantuan-exports') : join(dirname(file), 'exports')
}

const stamp = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '')
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)

/**
 * A workbook's file name: the topic (so the organizer recognises it), the group's own number
 * (two groups may share a topic), the sale, the minute in China time, and a random part, so
 * no other export can take the name. The file is created exclusively (see writePrivate).
 */
export function exportFile(db: Db, group: { id: number; topic: string }, saleNo: number, now: number): string {
  return join(exportsDir(db), `${safe(group.topic)}-g${group.id}-团${saleNo}-${stamp(now)}-${uniquePart()}.xlsx`)
}

/** Workbooks the bot is still writing (a chat command cannot await inside its transaction). */
const inFlight = new Set<Promise<void>>()
export function writeInBackground(data: WorkbookData, file: string, onError: (err: unknown) => void): void {
  const p = writeWorkbook(data, file, true)
    .catch(onError)
    .finally(() => inFlight.delete(p))
  inFlight.add(p)
}
export async function exportsWritten(): Promise<void> {
  await Promise.all([...inFlight])
}
