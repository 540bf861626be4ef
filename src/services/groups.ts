// Groups: a group's own settings (countdowns, digest spacing, quiet hours, intent days, reminders).
import { eq } from 'drizzle-orm'
import type { Db } from '../db/db.js'
import { groups } from '../db/schema.js'

export type GroupSettings = Partial<
  Pick<
    typeof groups.$inferInsert,
    'countdowns' | 'digestSeconds' | 'quietStart' | 'quietEnd' | 'intentDays' | 'remindAt'
  >
>

export function saveSettings(db: Db, groupId: number, set: GroupSettings): void {
  db.update(groups).set(set).where(eq(groups.id, groupId)).run()
}
