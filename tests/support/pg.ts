// A throwaway PostgreSQL cluster for the tests: real server, own folder, free port, fsync off.
// Debian keeps the server binaries in a versioned folder off PATH; initdb refuses to run as
// root, so as root the cluster belongs to the package's `postgres` user (runuser).
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type Cluster = { url: string; stop(): void }

/** The folder holding initdb and pg_ctl, or null with the reason it is missing. */
export function findBinaries(): { bin: string } | { missing: string } {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return { missing: 'PostgreSQL server binaries not installed (Debian package postgresql)' }
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
  if (versions.length === 0) return { missing: `no initdb under ${root}` }
  return { bin: join(root, versions[0], 'bin') }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

export async function startCluster(): Promise<Cluster | { missing: string }> {
  const found = findBinaries()
  if ('missing' in found) return found
  const asRoot = process.getuid?.() === 0
  if (asRoot && spawnSync('id', ['postgres']).status !== 0)
    return { missing: 'running as root and there is no postgres user to own the cluster' }
  // a root-only temp folder (mode 700, as /tmp is on some machines) would keep postgres out
  const base =
    asRoot && spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', tmpdir()]).status !== 0
      ? '/var/tmp'
      : tmpdir()
  const dir = mkdtempSync(join(base, 'shantuan-pg-'))
  chmodSync(dir, 0o777)
  const data = join(dir, 'data')
  const run = (cmd: string, args: string[]) => {
    const full = join(found.bin, cmd)
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' })
    else execFileSync(full, args, { stdio: 'pipe' })
  }
  const port = await freePort()
  try {
    run('initdb', ['-D', data, '-U', 'shantuan', '--auth=trust', '-E', 'UTF8', '--no-locale'])
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50`
    run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start'])
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
  return {
    url: `postgres://shantuan@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
