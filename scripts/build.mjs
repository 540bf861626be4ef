// Compiles src/ and commands/ to JavaScript in dist/ with tsc, so that the bot starts without
// transforming TypeScript at every start. Packages stay external: node loads them from
// node_modules at run time (Wechaty still finds the puppet named in WECHATY_PUPPET).
//   node scripts/build.mjs               build now (npm's prepare runs this)
//   node scripts/build.mjs --if-stale    build only when a source is newer than the last build
//                                        (npm start runs this before the bot)
//   node scripts/build.mjs --check       exit 1 when a build is due, build nothing
//   --out DIR                            build into DIR instead of dist/ (DIR inside the package)
// A build that reports type errors leaves no stamp: the next start tries again rather than
// running code that did not check.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const SOURCES = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json']
const { values } = parseArgs({ options: { 'if-stale': { type: 'boolean' }, check: { type: 'boolean' }, out: { type: 'string', default: 'dist' } } })
const out = resolve(root, values.out)
const stamp = join(out, '.built')

/** The newest modification time under the given files and folders. */
function newest(path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = st.mtimeMs
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)))
  return max
}

function stale() {
  if (!existsSync(stamp)) return true
  const built = statSync(stamp).mtimeMs
  return SOURCES.some((s) => newest(join(root, s)) > built)
}

if (values.check) process.exit(stale() ? 1 : 0)
if (values['if-stale'] && !stale()) process.exit(0)

let tsc
try {
  tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc')
} catch {
  process.stderr.write('构建需要 typescript：请先运行 npm install（含开发依赖）\n')
  process.exit(1)
}
// a source saved while tsc runs must count as newer than this build
const began = new Date()
process.stderr.write(`正在编译到 ${values.out}/ …\n`)
// a clean folder: a source deleted since the last build must not linger as JavaScript
rmSync(out, { recursive: true, force: true })
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { cwd: root, stdio: 'inherit' })
if (r.status !== 0) {
  process.stderr.write('编译失败（见上面的错误）：修好后再启动\n')
  process.exit(r.status ?? 1)
}
writeFileSync(stamp, began.toISOString() + '\n')
utimesSync(stamp, began, began)
