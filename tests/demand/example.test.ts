// data/examples/demand-to-sale.jsonl, the transcript README walks through: poll → intent →
// launch from the intent → native 接龙 re-posts → close; and `export --demand` on its database.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { run, tmpDb } from '../harness.js'
import { exportRows } from '../../src/export.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const lines = readFileSync(new URL('../../data/examples/demand-to-sale.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))

function exportCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += String(d)))
  return new Promise((r) => child.on('close', (code) => r({ code, stderr })))
}

describe('the demand-to-sale example', () => {
  it("runs clean and ends in a successful sale with each order's source", async () => {
    const db = tmpDb()
    const { out, errors, app } = await run(lines, db)
    expect(errors).toEqual([])
    const sent = out.map((o) => o.text)
    expect(sent.filter((t) => t.startsWith('📊'))).toHaveLength(1)
    expect(sent.filter((t) => t.startsWith('🎯'))).toHaveLength(1)
    expect(sent.find((t) => t.startsWith('🛒'))).toContain('📣 需求1 的 5 位意向成员')
    expect(sent.at(-1)).toContain('✅ 团1 总统发酵黄油 500g 已截单，成团！共 12 份，6 人')
    expect(exportRows(app.db, {}).map((r) => [r.member, r.quantity, r.source, r.entered_by])).toEqual([
      ['阿May', 1, 'chain', ''],
      ['Tom', 2, 'chain', ''],
      ['周周', 1, 'chain', ''],
      ['周周妈妈', 2, 'proxy', '周周'],
      ['大白', 4, 'chain', ''],
      ['阿杰', 2, 'intent', ''],
    ])
    app.close()

    const outFile = `${db}.demand.csv`
    const r = await exportCli(['--db', db, '--out', outFile, '--demand'])
    expect(r).toEqual({ code: 0, stderr: `1 demand rows → ${outFile}\n` })
    expect(readFileSync(outFile, 'utf8').split('\r\n')).toEqual([
      '\uFEFFroom,demand_no,demand,state,members,quantity,target_price,threshold,notes,first_commit,last_commit,sale_no',
      '烘焙同好群,1,总统发酵黄油 500g,launched,5,10,45.00,10,无盐×2 有盐×1,2026-12-01T20:06:10.000+08:00,2026-12-01T21:10:00.000+08:00,1',
      '',
    ])
  })
})
