// npm run examples:update — rewrites data/examples/NAME.expected.jsonl from a replay of each
// transcript, and the chats README.md and docs/*.md quote from them. Run it when a change in
// the bot's wording or behaviour is meant, read the diff, and commit it with the change.
import { readFileSync, writeFileSync } from 'node:fs'
import { relative } from 'node:path'
import { ROOT, docFiles, exampleChat, exampleNames, expectedPath, jsonl, replayExample, withChats } from './examples.js'
import type { OutLine } from '../../src/replay.js'

const outs = new Map<string, OutLine[]>()
let failed = false
for (const name of exampleNames()) {
  const { out, errors } = await replayExample(name)
  if (errors.length > 0) {
    failed = true
    process.stderr.write(`${name}.jsonl: ${errors.join('; ')}\n`)
  }
  outs.set(name, out)
  writeFileSync(expectedPath(name), jsonl(out))
  process.stderr.write(`${name}: ${out.length} messages → ${relative(ROOT, expectedPath(name))}\n`)
}
for (const file of docFiles()) {
  const before = readFileSync(file, 'utf8')
  const after = withChats(before, (name) => {
    const out = outs.get(name)
    if (!out) {
      failed = true
      process.stderr.write(
        `${relative(ROOT, file)} quotes a chat from data/examples/${name}.jsonl, which does not exist\n`,
      )
      return '(missing transcript)\n'
    }
    return exampleChat(name, out)
  })
  if (after !== before) {
    writeFileSync(file, after)
    process.stderr.write(`chats rewritten in ${relative(ROOT, file)}\n`)
  }
}
if (failed) process.exit(1)
