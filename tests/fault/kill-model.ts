// The kill test's world: the platform's stream of messages and a reference model of the
// sale it drives (stock, per-member limit, waitlist in arrival order), kept apart from the
// engine's code so that the two can disagree.
import type { KillLine } from './kill-protocol.js'

export const ROOM = '烘焙同好群'
export const OWNER = '阿May'
export const BUYERS = Array.from({ length: 16 }, (_, i) => `买家${String(i + 1).padStart(2, '0')}`)
export const STOCK = 30
export const LIMIT = 4
export const T0 = Date.parse('2026-12-01T10:00:00+08:00')
export const DEADLINE = Date.parse('2026-12-01T12:00:00+08:00')
export const LAUNCH = `/launch 测试蓝莓\n价格: 10\n限量: ${STOCK}\n限购: ${LIMIT}\n截止: 2026-12-01 12:00`

/** mulberry32: small, seeded, good enough to pick messages and kill moments */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

/** Messages that are not commands: the engine answers them with silence and records nothing. */
export const CHATTER = ['今天天气真好', '明天几点到货？', '谢谢团长']

export type Step = {
  line: KillLine
  join?: { who: string; qty: number; mode: 'set' | 'add' }
  cancel?: string
  status?: boolean
}

/** The platform's stream: a launch, two hours of chat up to the deadline, a few messages after it. */
export function buildStream(rand: () => number): Step[] {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
  const msg = (id: string, at: number, from: string, text: string): KillLine => ({
    kind: 'msg',
    id,
    at,
    room: ROOM,
    from,
    text,
  })
  const steps: Step[] = [
    { line: { kind: 'group', id: 'group', at: T0, room: ROOM, owner: OWNER, members: [OWNER, ...BUYERS] } },
    { line: msg('launch', T0 + 10_000, OWNER, LAUNCH) },
  ]
  let at = T0 + 30_000
  for (let n = 0; ; n++) {
    at += 20_000 + Math.floor(rand() * 24_000)
    if (at > DEADLINE - 60_000) break
    const who = pick(BUYERS)
    const id = `m${n}`
    const r = rand()
    const earlier = steps.filter((s) => s.line.kind === 'msg' && s.line.id !== 'launch')
    if (r < 0.08 && earlier.length > 0) {
      steps.push(pick(earlier)) // the platform delivers a message twice
    } else if (r < 0.45) {
      const qty = 1 + Math.floor(rand() * 5)
      steps.push({ line: msg(id, at, who, `+${qty}`), join: { who, qty, mode: 'set' } })
    } else if (r < 0.65) {
      const qty = 1 + Math.floor(rand() * 2)
      steps.push({ line: msg(id, at, who, `再加${qty}份`), join: { who, qty, mode: 'add' } })
    } else if (r < 0.78) {
      steps.push({ line: msg(id, at, who, '取消'), cancel: who })
    } else if (r < 0.88) {
      // the owner asks: members' queries are rate-limited, hers are all answered
      steps.push({ line: msg(id, at, OWNER, '进度'), status: true })
    } else {
      steps.push({ line: msg(id, at, who, pick(CHATTER)) })
    }
  }
  // after the deadline: joins are ignored, a status says no sale is open
  at = DEADLINE + 20_000
  for (let n = 0; n < 8; n++, at += 20_000) {
    const who = pick(BUYERS)
    if (n % 3 === 1) steps.push({ line: msg(`late${n}`, at, OWNER, '进度'), status: true })
    else steps.push({ line: msg(`late${n}`, at, who, n % 2 === 0 ? '+1' : '再加1份') })
  }
  steps.push({ line: { kind: 'drain', id: 'drain', at } })
  return steps
}

/** The sale as the rules describe it: stock, per-member limit, a waitlist in arrival order. */
export class SaleModel {
  readonly confirmed = new Map<string, number>()
  waitlist: { seq: number; who: string; qty: number }[] = []
  nextSeq = 1
  /** per member: handled messages or promotions that put a notice about them in a digest */
  readonly noticed = new Map<string, number>()

  join(who: string, qty: number, mode: 'set' | 'add'): void {
    const current = this.held(who)
    const asked = mode === 'add' ? current + qty : qty
    const target = Math.min(asked, LIMIT)
    if (target === current && asked <= LIMIT) return
    this.note(who)
    this.setTotal(who, target)
  }

  cancel(who: string): void {
    this.note(who) // cancelling nothing is refused in the digest, by name
    if (this.held(who) > 0) this.setTotal(who, 0)
  }

  held(who: string): number {
    return (this.confirmed.get(who) ?? 0) + this.waiting(who)
  }

  waiting(who: string): number {
    return this.waitlist.filter((w) => w.who === who).reduce((s, w) => s + w.qty, 0)
  }

  sold(): number {
    return [...this.confirmed.values()].reduce((s, n) => s + n, 0)
  }

  private note(who: string): void {
    this.noticed.set(who, (this.noticed.get(who) ?? 0) + 1)
  }

  private setTotal(who: string, target: number): void {
    const confirmed = this.confirmed.get(who) ?? 0
    const current = this.held(who)
    if (target < current) {
      // waiting units go first, newest entry first; then confirmed ones, freeing stock
      let drop = current - target
      for (let i = this.waitlist.length - 1; i >= 0 && drop > 0; i--) {
        const w = this.waitlist[i]
        if (w.who !== who) continue
        const take = Math.min(w.qty, drop)
        w.qty -= take
        drop -= take
      }
      this.waitlist = this.waitlist.filter((w) => w.qty > 0)
      if (drop > 0) {
        this.confirmed.set(who, confirmed - drop)
        this.promote()
      }
    } else if (target > current) {
      const extra = target - current
      const give = this.waitlist.length > 0 ? 0 : Math.min(extra, STOCK - this.sold())
      this.confirmed.set(who, confirmed + give)
      if (extra > give) this.waitlist.push({ seq: this.nextSeq++, who, qty: extra - give })
    }
  }

  private promote(): void {
    for (const w of this.waitlist) {
      const room = STOCK - this.sold()
      if (room === 0) break
      const qty = Math.min(room, w.qty)
      this.confirmed.set(w.who, (this.confirmed.get(w.who) ?? 0) + qty)
      w.qty -= qty
      this.note(w.who)
    }
    this.waitlist = this.waitlist.filter((w) => w.qty > 0)
  }
}

/** Each unique message once, in stream order; nothing changes after the deadline. */
export function expected(steps: Step[]): SaleModel {
  const model = new SaleModel()
  const seen = new Set<string>()
  for (const s of steps) {
    if (seen.has(s.line.id)) continue
    seen.add(s.line.id)
    if (s.line.at >= DEADLINE) continue
    if (s.join) model.join(s.join.who, s.join.qty, s.join.mode)
    if (s.cancel) model.cancel(s.cancel)
  }
  return model
}
