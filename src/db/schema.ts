// The database schema. Money is integer fen, times are epoch milliseconds.
// Groups are keyed by topic because WeChat ids change at every re-login;
// members by their display name inside a group for the same reason.
import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core'

export const groups = sqliteTable('groups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  topic: text('topic').notNull(),
  ownerName: text('owner_name'),
  tz: text('tz').notNull().default('Asia/Shanghai'),
  digestSeconds: integer('digest_seconds').notNull().default(15),
  /** minutes before the deadline, comma separated, e.g. "60,10" */
  countdowns: text('countdowns').notNull().default('60,10'),
  quietStart: text('quiet_start').notNull().default('23:00'),
  quietEnd: text('quiet_end').notNull().default('08:00'),
  nextSaleNo: integer('next_sale_no').notNull().default(1),
  lastDigestAt: integer('last_digest_at'),
  digestDueAt: integer('digest_due_at'),
  createdAt: integer('created_at').notNull(),
}, (t) => [uniqueIndex('groups_topic').on(t.topic), index('groups_digest_due').on(t.digestDueAt)])

export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  groupId: integer('group_id').notNull().references(() => groups.id),
  name: text('name').notNull(),
  /** the puppet's contact id in the current login; refreshed on every message */
  contactId: text('contact_id'),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  inGroup: integer('in_group', { mode: 'boolean' }).notNull().default(true),
}, (t) => [uniqueIndex('members_group_name').on(t.groupId, t.name), index('members_name').on(t.name)])

export const sales = sqliteTable('sales', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  groupId: integer('group_id').notNull().references(() => groups.id),
  no: integer('no').notNull(),
  title: text('title').notNull(),
  note: text('note'),
  priceFen: integer('price_fen').notNull(),
  stock: integer('stock'),
  limitPerMember: integer('limit_per_member'),
  minUnits: integer('min_units'),
  minMembers: integer('min_members'),
  deadline: integer('deadline').notNull(),
  state: text('state', { enum: ['open', 'succeeded', 'failed', 'aborted'] }).notNull().default('open'),
  createdBy: integer('created_by').references(() => members.id),
  createdAt: integer('created_at').notNull(),
  closedAt: integer('closed_at'),
  /** countdown offsets (minutes) already handled, comma separated */
  countdownsDone: text('countdowns_done').notNull().default(''),
  nextWaitSeq: integer('next_wait_seq').notNull().default(1),
  soldOutAnnounced: integer('sold_out_announced', { mode: 'boolean' }).notNull().default(false),
  /** when the sale next needs attention (a countdown or its deadline); null once closed */
  nextAlertAt: integer('next_alert_at'),
}, (t) => [
  index('sales_state_alert').on(t.state, t.nextAlertAt),
  uniqueIndex('sales_group_no').on(t.groupId, t.no),
  index('sales_state_deadline').on(t.state, t.deadline),
  index('sales_group_state').on(t.groupId, t.state),
])

export const items = sqliteTable('items', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  saleId: integer('sale_id').notNull().references(() => sales.id),
  name: text('name').notNull(),
  priceFen: integer('price_fen').notNull(),
  stock: integer('stock'),
  /** true for the single implicit item of a sale without variants */
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
}, (t) => [index('items_sale').on(t.saleId)])

export const orders = sqliteTable('orders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  saleId: integer('sale_id').notNull().references(() => sales.id),
  itemId: integer('item_id').notNull().references(() => items.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  confirmed: integer('confirmed').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [uniqueIndex('orders_sale_item_member').on(t.saleId, t.itemId, t.memberId), index('orders_member').on(t.memberId)])

export const waitlist = sqliteTable('waitlist', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  saleId: integer('sale_id').notNull().references(() => sales.id),
  itemId: integer('item_id').notNull().references(() => items.id),
  memberId: integer('member_id').notNull().references(() => members.id),
  seq: integer('seq').notNull(),
  qty: integer('qty').notNull(),
}, (t) => [uniqueIndex('waitlist_sale_seq').on(t.saleId, t.seq), index('waitlist_member').on(t.memberId)])

/** Per-member notices waiting to be folded into the group's next digest. */
export const notices = sqliteTable('notices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  groupId: integer('group_id').notNull().references(() => groups.id),
  saleId: integer('sale_id'),
  memberName: text('member_name').notNull(),
  kind: text('kind').notNull(),
  payload: text('payload').notNull(),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('notices_group').on(t.groupId)])

/** Every message the bot will send, written in the same transaction as the change it reports. */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  groupId: integer('group_id').references(() => groups.id),
  /** private message target (member name) when groupId is null */
  toName: text('to_name'),
  text: text('text').notNull(),
  mentions: text('mentions').notNull().default('[]'),
  kind: text('kind').notNull(),
  createdAt: integer('created_at').notNull(),
  notBefore: integer('not_before').notNull(),
  attempts: integer('attempts').notNull().default(0),
  sentAt: integer('sent_at'),
  failedAt: integer('failed_at'),
}, (t) => [index('outbox_pending').on(t.sentAt, t.failedAt, t.id), index('outbox_group_sent').on(t.groupId, t.sentAt)])

/** Message ids already handled: the same message delivered twice counts once. */
export const inbound = sqliteTable('inbound', {
  msgId: text('msg_id').primaryKey(),
  receivedAt: integer('received_at').notNull(),
})
