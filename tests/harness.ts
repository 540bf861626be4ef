// Transcript tests: lines in (the replay contract), the bot's sends out, on virtual time.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeApp, type App } from '../src/app.js'
import { silentLogger } from '../src/log.js'
import { RecordingTransport, replay, type OutLine } from '../src/replay.js'

export type In = Record<string, unknown>

export const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'shantuan-')), 'test.sqlite')

/** Run lines through a fresh app (or an existing db file: a restart) and return what the bot sent. */
export async function run(lines: In[], dbFile = ':memory:'): Promise<{ out: OutLine[]; errors: string[]; app: App }> {
  const transport = new RecordingTransport()
  const app = makeApp({ dbFile, transport, log: silentLogger() })
  const errors: string[] = []
  await replay(app, lines.map((l) => JSON.stringify(l)), (e) => errors.push(e))
  return { out: transport.lines, errors, app }
}

/** The group, its owner and members, at a time. */
export const group = (at: string, members = ['阿May', 'Lily', 'Tom', 'Ann', 'Bob'], room = '烘焙同好群', owner = '阿May'): In =>
  ({ at, room, owner, members })

export const say = (at: string, from: string, text: string, extra: In = {}): In => ({ at, room: '烘焙同好群', from, text, ...extra })

export const texts = (out: OutLine[]) => out.map((o) => o.text)

/** Shanghai wall time on 2026-12-01 (a Tuesday) unless a full date is given. */
export const at = (hm: string) => (hm.includes('T') ? hm : `2026-12-01T${hm}+08:00`)

export const LAUNCH = '/launch 云南蓝莓 125g×4盒\n价格: 59\n限量: 40\n限购: 3\n截止: 2026-12-04 20:00\n成团: 20'
