// The suite passes at any hour: quiet hours (23:00–08:00 China time) hold digests and
// countdowns, so a test whose bot reads the wall clock fails half the night. Tests on real
// time live in tests/adapters, which the "night" project runs again at 02:00 China time,
// and give the bot an injected clock (tests/support/clock.ts).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )

const WALL_CLOCK = /now:\s*\(\)\s*=>\s*Date\.now\(\)/
// a live loop, Wechaty, or the shared live boot (support/live.ts, which itself pins the clock)
const LIVE = /\brunLive\(|from 'wechaty'|support\/live\.js'/

describe('tests do not depend on the hour they run at', () => {
  const all = files(root).map((f) => ({ name: relative(root, f), text: readFileSync(f, 'utf8') }))

  it('no test hands the bot the wall clock', () => {
    expect(all.filter((f) => WALL_CLOCK.test(f.text)).map((f) => f.name)).toEqual([])
  })

  it('tests that run a live loop sit in tests/adapters, which also runs at night', () => {
    const outside = all.filter(
      (f) =>
        f.name.endsWith('.test.ts') &&
        LIVE.test(f.text) &&
        !f.name.startsWith('adapters/') &&
        !f.name.startsWith('meta/'),
    )
    expect(outside.map((f) => f.name)).toEqual([])
  })
})
