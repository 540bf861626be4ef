// The supplier order sheet: written with exceljs, read back with exceljs.
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { run, tmpDb } from '../harness.js'
import { exportsWritten, saleForExport, workbookData, writeWorkbook } from '../../src/exportXlsx.js'
import { exportRows, toCsv } from '../../src/export.js'
import { whole } from './scenario.js'

async function read(file: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name)
    expect(ws, name).toBeDefined()
    const rows: unknown[][] = []
    ws!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
    return rows
  }
  return { names: wb.worksheets.map((w) => w.name), sheet }
}

describe('xlsx export', () => {
  it('has the totals, a sheet per pickup point, shipping, members and stats, with the right numbers', async () => {
    const db = tmpDb()
    const { app } = await run(whole, db)
    const sale = saleForExport(app.db, 1)
    if ('error' in sale) throw new Error(sale.error)
    const file = join(mkdtempSync(join(tmpdir(), 'shantuan-xlsx-')), 'sale1.xlsx')
    await writeWorkbook(workbookData(app.db, sale), file)
    app.close()

    const wb = await read(file)
    expect(wb.names).toEqual(['订货汇总', '自提-东门快递柜', '自提-3号楼大堂', '快递', '成员', '统计'])
    expect(wb.sheet('订货汇总')).toEqual([
      ['商品/规格', '份数', '单价', '金额'],
      ['云南蓝莓 125g×4盒', 12, 52, 624],
      ['合计', 12, undefined, 624],
      ['供应商', '订货份数', '进价', '成本'],
      ['滇果鲜', 10, 45, 450],
      ['果园直供', 2, 40, 80],
    ])
    expect(wb.sheet('自提-东门快递柜')).toEqual([
      ['成员', '商品', '份数', '付款', '状态'],
      ['Lily', '—×3', 3, '已确认', '已取/已收'],
      ['Cici', '—×2', 2, '已确认', '已取/已收'],
      ['Dan', '—×1', 1, '已确认', '已取/已收'],
    ])
    expect(
      wb
        .sheet('自提-3号楼大堂')
        .slice(1)
        .map((r) => [r[0], r[2]]),
    ).toEqual([
      ['Ann', 2],
      ['Eve', 2],
    ])
    expect(wb.sheet('快递')).toEqual([
      ['成员', '收件人', '电话', '地址', '商品', '份数', '运费', '快递公司', '运单号', '状态'],
      ['Tom', '汤姆', '13912345678', '上海市徐汇区漕溪北路1号', '—×2', 2, 8, '顺丰', 'SF1234567890', '已取/已收'],
    ])
    const members = wb.sheet('成员')
    expect(members[0]).toEqual([
      '成员',
      '商品',
      '份数',
      '货款',
      '运费',
      '应付',
      '退款',
      '付款',
      '取货方式',
      '状态',
      '付款备注',
    ])
    expect(members.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[7], r[8]])).toEqual([
      ['Lily', 3, 156, 0, 156, 0, '已确认', '自提 东门快递柜'],
      ['Tom', 2, 104, 8, 112, 0, '已确认', '快递'],
      ['Ann', 2, 104, 0, 104, 20, '已确认', '自提 3号楼大堂'],
      ['Cici', 2, 104, 0, 104, 0, '已确认', '自提 东门快递柜'],
      ['Dan', 1, 52, 0, 52, 0, '已确认', '自提 东门快递柜'],
      ['Eve', 2, 104, 0, 104, 0, '已确认', '自提 3号楼大堂'],
    ])
    const stats = Object.fromEntries(
      wb
        .sheet('统计')
        .slice(1)
        .filter((r) => r[0])
        .map((r) => [r[0], r[1]]),
    )
    expect(stats).toMatchObject({
      份数: '12',
      '成交额 GMV': '¥624',
      退款: '¥20',
      净额: '¥604',
      自提已取: '5/5（100%）',
      '售后率（单/订单）': '1/6（16.7%）',
    })
  })

  it('/export in a private chat writes the workbook beside the database and sends it to the organizer', async () => {
    const db = tmpDb()
    const { out, app } = await run(
      [...whole, { at: '2026-12-08T13:00:00+08:00', from: '阿May', text: '/export 团1', id: 'e1' }],
      db,
    )
    await exportsWritten()
    app.close()
    const reply = out.filter((o) => o.to === '阿May').pop()!
    const path = reply.file!
    // the file goes with the private reply, and only there; the text never shows a server path
    expect(reply.text).toContain('订货表已生成')
    expect(reply.text).not.toContain(join(db, '..'))
    expect(reply.text).not.toContain('.xlsx')
    expect(out.filter((o) => o.file !== undefined)).toEqual([reply])
    expect(path.startsWith(join(db, '..', 'exports'))).toBe(true)
    expect(existsSync(path)).toBe(true)
    expect((await read(path)).names).toContain('订货汇总')
  })

  it('/export in the group is refused: the file holds addresses', async () => {
    const { out } = await run([
      ...whole,
      { at: '2026-12-08T13:00:00+08:00', room: '烘焙同好群', from: '阿May', text: '/export', id: 'e2' },
    ])
    expect(out.pop()!.text).toBe('订货表含收货地址和手机号，请私聊机器人发送 /export')
  })
})

describe('csv export gains payment and delivery columns', () => {
  it('paid, delivery, delivery_state, refund (and shipping_fee) next to the contract columns', async () => {
    const { app } = await run(whole)
    const rows = exportRows(app.db, {})
    const csv = toCsv(rows)
    const header = csv.split('\r\n')[0].replace('\uFEFF', '').split(',')
    // the contract's columns stay; payment and delivery add their own (later features may add more)
    for (const c of [
      'room',
      'sale',
      'sale_state',
      'member',
      'item',
      'quantity',
      'waitlist',
      'unit_price',
      'amount',
      'paid',
      'delivery',
      'delivery_state',
      'refund',
      'shipping_fee',
    ])
      expect(header).toContain(c)
    expect(
      rows.map((r) => [r.member, r.quantity, r.amount, r.paid, r.delivery, r.delivery_state, r.refund, r.shipping_fee]),
    ).toEqual([
      ['Lily', 3, '156.00', 'yes', 'pickup:东门快递柜', 'delivered', '0.00', '0.00'],
      ['Tom', 2, '104.00', 'yes', 'ship', 'delivered', '0.00', '8.00'],
      ['Ann', 2, '104.00', 'yes', 'pickup:3号楼大堂', 'delivered', '20.00', '0.00'],
      ['Cici', 2, '104.00', 'yes', 'pickup:东门快递柜', 'delivered', '0.00', '0.00'],
      ['Dan', 1, '52.00', 'yes', 'pickup:东门快递柜', 'delivered', '0.00', '0.00'],
      ['Eve', 2, '104.00', 'yes', 'pickup:3号楼大堂', 'delivered', '0.00', '0.00'],
    ])
  })
})
