// The lottery (抽签) draw: reproducible by anyone from the seed announced at launch.
//
// Algorithm (stable contract: README documents it and old draws must stay reproducible):
//   1. Take the entries (one per member per variant) and sort them by member name, then by
//      variant name, comparing Unicode code points (Python's default string order).
//   2. Fisher–Yates from the end: for i = n-1 down to 1,
//        r = the first 4 bytes, big-endian, of SHA-256 of the UTF-8 text `${seed}:${i}`
//        j = floor(r × (i + 1) / 2^32)
//        swap positions i and j.
//   3. The resulting order is the draw order: the first entry is drawn first.
// Then each drawn entry in turn gets what is still in stock and waits for the rest.
//
// Re-run it in Python:
//   import hashlib
//   def draw(seed, entries):          # entries: [(name, variant), ...]
//       a = sorted(entries)
//       for i in range(len(a) - 1, 0, -1):
//           r = int.from_bytes(hashlib.sha256(f"{seed}:{i}".encode()).digest()[:4], "big")
//           j = r * (i + 1) >> 32
//           a[i], a[j] = a[j], a[i]
//       return a
import { createHash } from 'node:crypto'

export type DrawEntry = { name: string; variant: string }

/** Compare by Unicode code points (not UTF-16 units), so emoji names sort as in Python. */
export function codePointCompare(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!
    if (d !== 0) return d
  }
  return x.length - y.length
}

function u32(seed: string, i: number): number {
  return createHash('sha256').update(`${seed}:${i}`, 'utf8').digest().readUInt32BE(0)
}

/** The draw order of `entries` under `seed` (see the algorithm above). */
export function drawOrder<T extends DrawEntry>(entries: T[], seed: string): T[] {
  const a = [...entries].sort((p, q) => codePointCompare(p.name, q.name) || codePointCompare(p.variant, q.variant))
  for (let i = a.length - 1; i > 0; i--) {
    // r < 2^32 and i + 1 < 2^21, so the product is exact in a double
    const j = Math.floor((u32(seed, i) * (i + 1)) / 2 ** 32)
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

/** A seed fixed at launch from what identifies the sale: short enough to read out in a chat. */
export function makeSeed(parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('|'), 'utf8').digest('hex').slice(0, 12)
}
