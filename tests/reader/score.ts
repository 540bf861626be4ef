// npm run --silent reader:score: the reader's score on the corpus and on the held-out set,
// one row per category. `-- --misses` lists every message not read as meant; `-- --legacy`
// scores the parsing the bot had before.
import { fileURLToPath } from 'node:url'
import { loadCorpus, render, score, table } from './corpus.js'
import { legacyRead } from './legacy.js'

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url))
const misses = process.argv.includes('--misses')
// --legacy: the same corpus through the parsing the bot had before the reader
const reader = process.argv.includes('--legacy') ? legacyRead : undefined
for (const [title, file] of [
  ['corpus', 'corpus.txt'],
  ['held out', 'heldout.txt'],
  ['held out 2', 'heldout2.txt'],
] as const) {
  const scored = loadCorpus(here(file)).map((e) => score(e, reader))
  console.log(render(title, table(scored)))
  console.log('')
  if (misses) {
    for (const s of scored.filter((x) => x.verdict !== 'meant')) {
      console.log(
        `${s.verdict.padEnd(8)} ${file}:${s.line} [${s.setup}${s.before ? ' ' + s.before : ''}] ${JSON.stringify(s.text)} => ${s.expected}   got ${JSON.stringify(s.reading)}`,
      )
    }
    console.log('')
  }
}
