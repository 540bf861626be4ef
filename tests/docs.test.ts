// The docs stay followable: every link between README.md and docs/ leads to a file that exists
// and to a heading that is there, and no page sends the reader to the tracker ("issue 3")
// instead of stating the rule.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, docFiles } from './support/examples.js'

/** The anchor GitHub gives a heading: lower case, punctuation and emoji dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
    .replace(/\s/g, '-')

const headings = (markdown: string) =>
  new Set(
    markdown
      .replace(/```[\s\S]*?```/g, '')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => slug(l.replace(/^#+ /, ''))),
  )

const LINK = /\]\(([^)\s]+)\)/g

describe('documentation links', () => {
  const pages = docFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') }))

  it('the slug of a heading is the one GitHub makes', () => {
    expect(slug('SQLite settings (`src/db/db.ts`)')).toBe('sqlite-settings-srcdbdbts')
    expect(slug('Price tiers（阶梯价）')).toBe('price-tiers阶梯价')
    expect(slug('How a 接龙 line is read')).toBe('how-a-接龙-line-is-read')
  })

  for (const { file, text } of pages) {
    it(`${relative(ROOT, file)}: every relative link resolves`, () => {
      const broken: string[] = []
      for (const [, target] of text.replace(/```[\s\S]*?```/g, '').matchAll(LINK)) {
        if (/^[a-z]+:/i.test(target)) continue
        const [path, anchor] = target.split('#')
        const dest = path === '' ? file : join(dirname(file), decodeURI(path))
        if (!existsSync(dest)) broken.push(`${target} (no such file)`)
        else if (
          anchor !== undefined &&
          dest.endsWith('.md') &&
          !headings(readFileSync(dest, 'utf8')).has(decodeURIComponent(anchor))
        )
          broken.push(`${target} (no such heading)`)
      }
      expect(broken).toEqual([])
    })

    it(`${relative(ROOT, file)}: states rules, never "issue N"`, () => {
      expect(text.match(/issue ?\d/gi) ?? []).toEqual([])
    })
  }
})
