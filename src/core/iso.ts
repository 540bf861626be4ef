/** ISO 8601 in China time with milliseconds, e.g. 2026-12-04T19:00:01.500+08:00: replay output reads like its input. */
export function isoAt(ms: number, offsetMinutes = 480): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().replace('Z', '')
  const sign = offsetMinutes >= 0 ? '+' : '-'
  const abs = Math.abs(offsetMinutes)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}
