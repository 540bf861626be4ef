// The layering is checked, not remembered. The sale rules (src/core) stay pure: no database, no
// engine, no adapters, no timers. Commands reach the database only through services and never
// import one another (the registry, commands/list.ts, is the one file that lists them all).
// Adapters only translate. One file writes the sales table.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')

const tsFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )

/** What a file imports: package names as written, project files as paths from the root. */
export function importsOf(file: string, text: string): string[] {
  const specs = [
    ...text.matchAll(
      /^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3])
  return specs.map((s) =>
    s.startsWith('.') ? relative(root, resolve(root, dirname(file), s)).replace(/\.js$/, '.ts') : s,
  )
}

type Rule = { files: string; banned: (imp: string, file: string) => boolean; why: string }

const TIMERS = /^(node:)?timers(\/promises)?$|^node-cron$/
const DB = (imp: string) =>
  imp.startsWith('src/db/') || imp === 'drizzle-orm' || imp.startsWith('drizzle-orm/') || imp === 'better-sqlite3'

export const RULES: Rule[] = [
  {
    files: 'src/core/',
    banned: (i) =>
      DB(i) ||
      i.startsWith('src/engine/') ||
      i.startsWith('src/adapters/') ||
      i.startsWith('src/services/') ||
      i === 'wechaty' ||
      TIMERS.test(i),
    why: 'core imports no db, engine, adapters or timers',
  },
  { files: 'commands/', banned: (i) => DB(i), why: 'commands import no db: ask a service' },
  {
    files: 'commands/',
    banned: (i, f) => i.startsWith('commands/') && f !== 'commands/list.ts',
    why: 'commands import no other command: share through a service',
  },
  { files: 'src/adapters/', banned: (i) => DB(i), why: 'adapters import no db' },
]

/** Every broken rule in the given files, as 'file → import (rule)'. */
export function violations(files: { name: string; text: string }[]): string[] {
  const out: string[] = []
  for (const f of files) {
    for (const rule of RULES) {
      if (!f.name.startsWith(rule.files)) continue
      for (const imp of importsOf(f.name, f.text))
        if (rule.banned(imp, f.name)) out.push(`${f.name} → ${imp} (${rule.why})`)
    }
  }
  return out
}

const project = ['commands', 'src']
  .flatMap(tsFiles)
  .map((name) => ({ name, text: readFileSync(join(root, name), 'utf8') }))

describe('import rules', () => {
  it('hold in every file of src/ and commands/', () => {
    expect(violations(project)).toEqual([])
  })

  it.each([
    ['a core module importing the database', 'src/core/x.ts', "import { sales } from '../db/schema.js'"],
    ['a core module importing a timer', 'src/core/x.ts', "import { setTimeout } from 'node:timers/promises'"],
    ['a core module importing the engine', 'src/core/x.ts', "import type { Ctx } from '../engine/types.js'"],
    ['a command importing drizzle', 'commands/x.ts', "import { eq } from 'drizzle-orm'"],
    ['a command importing another command', 'commands/x.ts', "import join from './join.js'"],
    ['an adapter importing the database', 'src/adapters/x.ts', "import type { Db } from '../db/db.js'"],
  ])('catch %s', (_, name, text) => {
    expect(violations([{ name, text }])).toHaveLength(1)
  })

  it('let the registry list every command and a command import a service', () => {
    expect(
      violations([
        { name: 'commands/list.ts', text: "import join from './join.js'" },
        { name: 'commands/x.ts', text: "import { requireSale } from '../src/services/sales.js'" },
      ]),
    ).toEqual([])
  })
})

describe('one home', () => {
  it('only the sales service writes the sales table', () => {
    const WRITES_SALES = /\b(?:insert|update|delete)\(sales\)|\b(?:insert into|update|delete from) sales\b/i
    expect(project.filter((f) => WRITES_SALES.test(f.text)).map((f) => f.name)).toEqual(['src/services/sales.ts'])
  })
})
