// What a person at the terminal reads, and what a machine reading the logs gets.
import { describe, expect, it } from 'vitest'
import { logFormat, makeLogger } from '../src/log.js'

function capture() {
  const lines: string[] = []
  return { lines, out: { write: (s: string) => lines.push(s) } }
}

describe('log format', () => {
  it('is short human lines only when stderr is a terminal and LOG_FORMAT does not ask for JSON', () => {
    expect(logFormat(undefined, true)).toBe('pretty')
    expect(logFormat('auto', true)).toBe('pretty')
    expect(logFormat('json', true)).toBe('json')
    // a redirected stderr (a file, a pipe, a service's journal) always gets JSON lines
    expect(logFormat(undefined, false)).toBe('json')
    expect(logFormat('auto', false)).toBe('json')
  })

  it('JSON: one parseable object a line, error stack included', () => {
    const { lines, out } = capture()
    const log = makeLogger('info', 'json', out)
    log.error({ err: new Error('boom'), sale: 3 }, 'send failed')
    const rec = JSON.parse(lines[0])
    expect(rec).toMatchObject({ level: 50, msg: 'send failed', sale: 3, err: { message: 'boom' } })
    expect(rec.err.stack).toContain('boom')
  })

  it('pretty: time, level, message and fields on one line; an error shows its message, not its stack', () => {
    const { lines, out } = capture()
    const log = makeLogger('info', 'pretty', out)
    log.info({ startupMs: 312 }, 'ready')
    log.error({ err: new Error('room not found\nsecond line') }, 'send failed')
    log.debug('not shown at info')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO +ready startupMs=312\n$/)
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d ERROR send failed — room not found\n$/)
    expect(lines.join('')).not.toContain('{')
  })

  it('pretty at debug level adds the stack under the line', () => {
    const { lines, out } = capture()
    const log = makeLogger('debug', 'pretty', out)
    log.error({ err: new Error('boom') }, 'send failed')
    expect(lines[0].split('\n')[0]).toMatch(/ERROR send failed — boom$/)
    expect(lines[0]).toMatch(/\n {4}Error: boom\n {4}\s*at /)
  })

  it('pretty shortens long values so a line stays a line', () => {
    const { lines, out } = capture()
    makeLogger('info', 'pretty', out).info({ note: 'x'.repeat(500) }, 'long')
    expect(lines[0].length).toBeLessThan(120)
    expect(lines[0]).toContain('…')
  })
})
