// Two schema files because drizzle has no dialect-neutral schema: this is schema.ts in pg-core, kept equal to it by tests/db/parity.test.ts.
import { pgTable, integer, bigint, boolean, text, uniqueIndex, index } from 'drizzle-orm/pg-core'

export const groups = pgTable(
  'groups',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** the platform's room id in the current login; the topic is only a label */
    roomId: text('room_id'),
    topic: text('topic').notNull(),
    ownerName: text('owner_name'),
    /** the contact id the platform says owns the room; null: nobody is owner until it says */
    ownerId: text('owner_id'),
    tz: text('tz').notNull().default('Asia/Shanghai'),
    digestSeconds: integer('digest_seconds').notNull().default(15),
    /** minutes before the deadline, comma separated, e.g. "60,10" */
    countdowns: text('countdowns').notNull().default('60,10'),
    quietStart: text('quiet_start').notNull().default('23:00'),
    quietEnd: text('quiet_end').notNull().default('08:00'),
    nextSaleNo: integer('next_sale_no').notNull().default(1),
    nextPollNo: integer('next_poll_no').notNull().default(1),
    nextIntentNo: integer('next_intent_no').notNull().default(1),
    nextTicketNo: integer('next_ticket_no').notNull().default(1),
    /** wall time of the payment reminder on the day after close */
    remindAt: text('remind_at').notNull().default('20:00'),
    /** days without a commitment after which an intent closes quietly */
    intentDays: integer('intent_days').notNull().default(14),
    /** names outside the group (family, neighbours) one member may enter per sale (/set 代接) */
    proxyLimit: integer('proxy_limit').notNull().default(5),
    lastDigestAt: bigint('last_digest_at', { mode: 'number' }),
    digestDueAt: bigint('digest_due_at', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('groups_room').on(t.roomId),
    index('groups_topic').on(t.topic),
    index('groups_digest_due').on(t.digestDueAt),
  ],
)

export const members = pgTable(
  'members',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    /** how the bot writes the member: the display name, made unique in the group (`Tom(2)`) */
    name: text('name').notNull(),
    /** the platform's contact id (without ids: the name); who the member is */
    contactId: text('contact_id'),
    isAdmin: boolean('is_admin').notNull().default(false),
    inGroup: boolean('in_group').notNull().default(true),
  },
  (t) => [
    uniqueIndex('members_group_name').on(t.groupId, t.name),
    index('members_name').on(t.name),
    uniqueIndex('members_group_contact').on(t.groupId, t.contactId),
    index('members_contact').on(t.contactId),
  ],
)

export const sales = pgTable(
  'sales',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    no: integer('no').notNull(),
    title: text('title').notNull(),
    note: text('note'),
    priceFen: integer('price_fen').notNull(),
    stock: integer('stock'),
    limitPerMember: integer('limit_per_member'),
    minUnits: integer('min_units'),
    minMembers: integer('min_members'),
    deadline: bigint('deadline', { mode: 'number' }).notNull(),
    state: text('state', { enum: ['open', 'succeeded', 'failed', 'aborted'] })
      .notNull()
      .default('open'),
    createdBy: integer('created_by').references(() => members.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    closedAt: bigint('closed_at', { mode: 'number' }),
    /** countdown offsets (minutes) already handled, comma separated */
    countdownsDone: text('countdowns_done').notNull().default(''),
    nextWaitSeq: integer('next_wait_seq').notNull().default(1),
    soldOutAnnounced: boolean('sold_out_announced').notNull().default(false),
    /** when the sale next needs attention (a countdown or its deadline); null once closed */
    nextAlertAt: bigint('next_alert_at', { mode: 'number' }),
    /** lottery (抽签): joins before this time are entries, drawn with the announced seed */
    lotteryUntil: bigint('lottery_until', { mode: 'number' }),
    lotterySeed: text('lottery_seed'),
    intentId: integer('intent_id'),
    supplierId: integer('supplier_id'),
    /** JSON [{ from: units, fen }] ascending: the price once the sale's total reaches `from` */
    tiers: text('tiers'),
    /** JSON string[] of pickup point names */
    pickupPoints: text('pickup_points'),
    /** null = no shipping offered; 0 = free shipping */
    shippingFeeFen: integer('shipping_fee_fen'),
    payGraceMs: bigint('pay_grace_ms', { mode: 'number' }),
    completedAt: bigint('completed_at', { mode: 'number' }),
  },
  (t) => [
    index('sales_state_alert').on(t.state, t.nextAlertAt),
    uniqueIndex('sales_group_no').on(t.groupId, t.no),
    index('sales_state_deadline').on(t.state, t.deadline),
    // open sales of a group by number, without reading the closed ones (npm run bench, growth)
    index('sales_group_state_no').on(t.groupId, t.state, t.no),
  ],
)

export const items = pgTable(
  'items',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    name: text('name').notNull(),
    priceFen: integer('price_fen').notNull(),
    stock: integer('stock'),
    /** true for the single implicit item of a sale without variants */
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [index('items_sale').on(t.saleId)],
)

export const orders = pgTable(
  'orders',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    confirmed: integer('confirmed').notNull(),
    /** how the order came in: join | chain | intent | proxy | lottery */
    source: text('source').notNull().default('join'),
    /** who entered it, for a sign-up on someone else's behalf (代接龙) */
    enteredBy: text('entered_by'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('orders_sale_item_member').on(t.saleId, t.itemId, t.memberId),
    index('orders_member').on(t.memberId),
  ],
)

/**
 * Units entered by one member for another (代接龙). For a member of the group they are a hold
 * until that member confirms: kept out of stock, owed by nobody. `asked_in`: the outbox row of
 * the digest carrying the question (the release counts from its send). For a name outside the
 * group a row with state 'counted' records that the enterer used one of her names for the sale.
 */
export const proxies = pgTable(
  'proxies',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    byMemberId: integer('by_member_id')
      .notNull()
      .references(() => members.id),
    qty: integer('qty').notNull(),
    mode: text('mode', { enum: ['set', 'add'] }).notNull(),
    /** units kept out of stock while pending */
    held: integer('held').notNull(),
    state: text('state', { enum: ['pending', 'confirmed', 'released', 'dropped', 'counted'] }).notNull(),
    askedIn: integer('asked_in'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('proxies_sale_state').on(t.saleId, t.state), index('proxies_member').on(t.memberId, t.state)],
)

export const waitlist = pgTable(
  'waitlist',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    seq: integer('seq').notNull(),
    qty: integer('qty').notNull(),
  },
  (t) => [uniqueIndex('waitlist_sale_seq').on(t.saleId, t.seq), index('waitlist_member').on(t.memberId)],
)

/** Per-member notices waiting to be folded into the group's next digest. */
export const notices = pgTable(
  'notices',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    saleId: integer('sale_id'),
    memberName: text('member_name').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('notices_group').on(t.groupId)],
)

/** Every message the bot will send, written in the same transaction as the change it reports. */
export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id').references(() => groups.id),
    /** private message target (member name) when groupId is null */
    toName: text('to_name'),
    /** private message target by contact id (without ids: the name); what a send goes to */
    toId: text('to_id'),
    text: text('text').notNull(),
    mentions: text('mentions').notNull().default('[]'),
    /** a file to send with the text (a private export), by path */
    file: text('file'),
    kind: text('kind').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    notBefore: bigint('not_before', { mode: 'number' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    sentAt: bigint('sent_at', { mode: 'number' }),
    failedAt: bigint('failed_at', { mode: 'number' }),
  },
  (t) => [
    index('outbox_pending').on(t.sentAt, t.failedAt, t.id),
    index('outbox_group_sent').on(t.groupId, t.sentAt),
    index('outbox_group_kind').on(t.groupId, t.kind, t.id),
  ],
)

/** Message ids already handled: the same message delivered twice counts once. */
export const inbound = pgTable('inbound', {
  msgId: text('msg_id').primaryKey(),
  receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
})

// ---- timed work other than sale deadlines and countdowns (poll closes, reminders, draws …)

/** A one-shot job: the engine runs it once when `dueAt` has passed; survives restarts. */
export const jobs = pgTable(
  'jobs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    refId: integer('ref_id').notNull(),
    dueAt: bigint('due_at', { mode: 'number' }).notNull(),
    doneAt: bigint('done_at', { mode: 'number' }),
  },
  (t) => [index('jobs_due').on(t.doneAt, t.dueAt), index('jobs_ref').on(t.kind, t.refId)],
)

// ---- demand discovery: polls, intents, 接龙 chains, lotteries

export const polls = pgTable(
  'polls',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    no: integer('no').notNull(),
    question: text('question').notNull(),
    /** JSON string[] */
    options: text('options').notNull(),
    maxChoices: integer('max_choices').notNull().default(1),
    anonymous: boolean('anonymous').notNull().default(false),
    deadline: bigint('deadline', { mode: 'number' }),
    state: text('state', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    createdBy: integer('created_by').references(() => members.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    closedAt: bigint('closed_at', { mode: 'number' }),
  },
  (t) => [uniqueIndex('polls_group_no').on(t.groupId, t.no), index('polls_group_state').on(t.groupId, t.state)],
)

export const votes = pgTable(
  'votes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** JSON number[] of option indexes (0-based) */
    choices: text('choices').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('votes_poll_member').on(t.pollId, t.memberId)],
)

export const intents = pgTable(
  'intents',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    no: integer('no').notNull(),
    title: text('title').notNull(),
    targetPriceFen: integer('target_price_fen'),
    threshold: integer('threshold'),
    state: text('state', { enum: ['open', 'launched', 'expired'] })
      .notNull()
      .default('open'),
    createdBy: integer('created_by').references(() => members.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    lastCommitAt: bigint('last_commit_at', { mode: 'number' }),
    provenAt: bigint('proven_at', { mode: 'number' }),
    saleId: integer('sale_id'),
  },
  (t) => [uniqueIndex('intents_group_no').on(t.groupId, t.no), index('intents_group_state').on(t.groupId, t.state)],
)

export const intentCommits = pgTable(
  'intent_commits',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    intentId: integer('intent_id')
      .notNull()
      .references(() => intents.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    qty: integer('qty').notNull(),
    note: text('note'),
    firstAt: bigint('first_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('intent_commits_intent_member').on(t.intentId, t.memberId)],
)

/** The last native 接龙 list posted in a group, to diff the next re-post against. */
export const chains = pgTable(
  'chains',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    saleId: integer('sale_id'),
    intentId: integer('intent_id'),
    /** JSON of the parsed entries */
    lines: text('lines').notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('chains_group').on(t.groupId)],
)

export const lotteryEntries = pgTable(
  'lottery_entries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    qty: integer('qty').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [uniqueIndex('lottery_sale_member_item').on(t.saleId, t.memberId, t.itemId)],
)

// ---- supply and fulfilment: suppliers, quotes, payment, delivery, after-sales, ratings

export const suppliers = pgTable(
  'suppliers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    contact: text('contact'),
    phone: text('phone'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('suppliers_name').on(t.name)],
)

export const quotes = pgTable(
  'quotes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    item: text('item').notNull(),
    minOrder: integer('min_order'),
    leadDays: integer('lead_days'),
    capacity: integer('capacity'),
    /** JSON [{ from: units, fen: cost per unit }] ascending */
    ladder: text('ladder').notNull().default('[]'),
    isPrimary: boolean('is_primary').notNull().default(false),
    sample: text('sample', { enum: ['none', 'passed', 'failed'] })
      .notNull()
      .default('none'),
    sampleNote: text('sample_note'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('quotes_supplier_item').on(t.supplierId, t.item)],
)

/** One row per member per sale: payment, delivery and refund state. */
export const participants = pgTable(
  'participants',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    paid: text('paid', { enum: ['no', 'reported', 'yes'] })
      .notNull()
      .default('no'),
    paidNote: text('paid_note'),
    /** 'pickup:POINT' | 'ship' | null (undecided) */
    delivery: text('delivery'),
    deliveryState: text('delivery_state', { enum: ['pending', 'ready', 'delivered'] })
      .notNull()
      .default('pending'),
    carrier: text('carrier'),
    tracking: text('tracking'),
    refundFen: integer('refund_fen').notNull().default(0),
    askedDelivery: boolean('asked_delivery').notNull().default(false),
    released: boolean('released').notNull().default(false),
  },
  (t) => [uniqueIndex('participants_sale_member').on(t.saleId, t.memberId)],
)

/** Collected only in a private chat with the bot; never shown in a group. */
export const addresses = pgTable(
  'addresses',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** whose address: the contact id (without ids: the name) */
    contactId: text('contact_id'),
    /** the name the member had when she saved it, a label */
    name: text('name').notNull(),
    recipient: text('recipient').notNull(),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('addresses_contact').on(t.contactId)],
)

export const tickets = pgTable(
  'tickets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id),
    no: integer('no').notNull(),
    saleId: integer('sale_id'),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    text: text('text').notNull(),
    state: text('state', { enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    refundFen: integer('refund_fen').notNull().default(0),
    openedAt: bigint('opened_at', { mode: 'number' }).notNull(),
    resolvedAt: bigint('resolved_at', { mode: 'number' }),
  },
  (t) => [uniqueIndex('tickets_group_no').on(t.groupId, t.no)],
)

export const ratings = pgTable(
  'ratings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    saleId: integer('sale_id')
      .notNull()
      .references(() => sales.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    stars: integer('stars').notNull(),
    comment: text('comment'),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('ratings_sale_member').on(t.saleId, t.memberId)],
)
