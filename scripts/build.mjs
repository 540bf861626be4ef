// Compiles src/ and commands/ to JavaScript in dist/ with tsc, so that the bot starts without
// transforming TypeScript at every start. Packages stay external: node loads them from
// node_modules at run time (Wechaty still finds the puppet named in WECHATY_PUPPET).
//   node scripts/build.mjs               build now (npm's prepare runs this)
//   node scripts/build.mjs --if-stale    build only when the sources changed since the last build
//                                        (npm start runs this before the bot)
//   node scripts/build.mjs --check       exit 1 when a build is due, build nothing
//   --out DIR                            build into DIR instead of dist/ (DIR inside the package)
// The stamp dist/.built holds a fingerprint of the sources it was built from (every file's
// path, size and modification time), so any change counts: an edit, a checkout, a deleted file,
// a file with an older time. Comparing against the time of the build would not do: it depends on
// the clock. A build that reports type errors leaves no stamp: the next start tries again
// rather than running code that did not check.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const SOURCES = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json']
const { values } = parseArgs({
  options: { 'if-stale': { type: 'boolean' }, check: { type: 'boolean' }, out: { type: 'string', default: 'dist' } },
})
const out = resolve(root, values.out)
const stamp = join(out, '.built')

/** Every file under the given files and folders, as "path size mtime" lines. */
function listing(path) {
  const st = statSync(path)
  if (!st.isDirectory()) return [`${relative(root, path)}\t${st.size}\t${st.mtimeMs}`]
  return readdirSync(path)
    .sort()
    .flatMap((name) => listing(join(path, name)))
}

const fingerprint = () =>
  createHash('sha256')
    .update(SOURCES.flatMap((s) => listing(join(root, s))).join('\n'))
    .digest('hex')

const stale = () => !existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== fingerprint()

if (values.check) process.exit(stale() ? 1 : 0)
if (values['if-stale'] && !stale()) process.exit(0)

let tsc
try {
  tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc')
} catch {
  process.stderr.write('构建需要 typescript：请先运行 npm install（含开发依赖）\n')
  process.exit(1)
}
// taken before tsc runs: a source saved meanwhile makes the next start build again
const sources = fingerprint()
process.stderr.write(`正在编译到 ${values.out}/ …\n`)
// a clean folder: a source deleted since the last build must not linger as JavaScript
rmSync(out, { recursive: true, force: true })
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], {
  cwd: root,
  stdio: 'inherit',
})
if (r.status !== 0) {
  process.stderr.write('编译失败（见上面的错误）：修好后再启动\n')
  process.exit(r.status ?? 1)
}
writeFileSync(stamp, sources + '\n')
