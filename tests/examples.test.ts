// Every walkthrough transcript under data/examples/ is replayed and compared with its committed
// expected output, and every chat the docs quote is compared with the replay, so the docs
// cannot drift from the bot. Transcripts run on virtual time: every line carries its own time.
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ROOT,
  UPDATE_HINT,
  docFiles,
  exampleChat,
  exampleNames,
  expectedPath,
  inputLines,
  jsonl,
  quotedChats,
  replayExample,
} from './support/examples.js'

const names = exampleNames()

describe('walkthrough transcripts replay to their committed output', () => {
  it('there are transcripts to check', () => {
    expect(names.length).toBeGreaterThan(0)
  })

  for (const name of names) {
    it(`${name}.jsonl`, async () => {
      // a line without an explicit time with its zone would make the result depend on the machine
      for (const raw of inputLines(name).filter((l) => l.trim() !== '')) {
        expect(JSON.parse(raw).at, `${name}.jsonl: every line sets its time with a zone`).toMatch(
          /T\d\d:\d\d(:\d\d(\.\d+)?)?([+-]\d\d:\d\d|Z)$/,
        )
      }
      const { out, errors } = await replayExample(name)
      expect(errors, `${name}.jsonl has lines the replay skipped`).toEqual([])
      const file = expectedPath(name)
      expect(existsSync(file), `${relative(ROOT, file)} is missing: ${UPDATE_HINT}`).toBe(true)
      expect(jsonl(out), `the replay of ${name}.jsonl differs from ${relative(ROOT, file)}: ${UPDATE_HINT}`).toBe(
        readFileSync(file, 'utf8'),
      )
    })
  }
})

describe('chats quoted in the docs are what the bot says', () => {
  const quotes = docFiles()
    .filter(existsSync)
    .flatMap((file) => quotedChats(readFileSync(file, 'utf8')).map((q) => ({ file, ...q })))

  it('the README shows a chat from a transcript', () => {
    expect(quotes.filter((q) => q.file.endsWith('README.md')).length).toBeGreaterThan(0)
  })

  for (const q of quotes) {
    it(`${relative(ROOT, q.file)} quotes ${q.name}`, async () => {
      expect(names, `${relative(ROOT, q.file)} quotes data/examples/${q.name}.jsonl, which does not exist`).toContain(
        q.name,
      )
      const { out } = await replayExample(q.name)
      expect(
        q.text,
        `the chat quoted in ${relative(ROOT, q.file)} differs from the replay of ${q.name}.jsonl: ${UPDATE_HINT}`,
      ).toBe(exampleChat(q.name, out))
    })
  }
})
