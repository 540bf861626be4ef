// Small helpers every bench section shares: a seeded PRNG, percentiles, temp dirs,
// a transport that drops sends, progress on stderr.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OutMessage, Transport } from '../src/engine/sender.js'

/** mulberry32: the same seed gives the same message mix on every run and machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]

/** Nearest-rank percentile of nanosecond samples, in milliseconds. */
export function percentileMs(ns: Float64Array | number[], p: number): number {
  const sorted = Float64Array.from(ns).sort()
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] / 1e6
}

export const sum = (xs: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[i]
  return s
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

export const tmpDir = (label: string): string => mkdtempSync(join(tmpdir(), `shantuan-bench-${label}-`))

export const now = (): bigint => process.hrtime.bigint()
export const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6

export const progress = (msg: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`)
}

/** Sends go nowhere: the throughput sections measure the engine, not a platform. */
export class NullTransport implements Transport {
  sent = 0
  async send(_m: OutMessage, _at: number): Promise<void> {
    this.sent++
  }
}

/** 2026-12-01 10:00 in Shanghai: a Tuesday morning, outside the default quiet hours. */
export const MORNING = Date.parse('2026-12-01T10:00:00+08:00')
