CREATE TABLE `addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`recipient` text NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `addresses_name` ON `addresses` (`name`);--> statement-breakpoint
CREATE TABLE `chains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`sale_id` integer,
	`intent_id` integer,
	`lines` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chains_group` ON `chains` (`group_id`);--> statement-breakpoint
CREATE TABLE `intent_commits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`intent_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`note` text,
	`first_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`intent_id`) REFERENCES `intents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intent_commits_intent_member` ON `intent_commits` (`intent_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `intents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`no` integer NOT NULL,
	`title` text NOT NULL,
	`target_price_fen` integer,
	`threshold` integer,
	`state` text DEFAULT 'open' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`last_commit_at` integer,
	`proven_at` integer,
	`sale_id` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intents_group_no` ON `intents` (`group_id`,`no`);--> statement-breakpoint
CREATE INDEX `intents_group_state` ON `intents` (`group_id`,`state`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	`due_at` integer NOT NULL,
	`done_at` integer
);
--> statement-breakpoint
CREATE INDEX `jobs_due` ON `jobs` (`done_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `jobs_ref` ON `jobs` (`kind`,`ref_id`);--> statement-breakpoint
CREATE TABLE `lottery_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`seq` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lottery_sale_member_item` ON `lottery_entries` (`sale_id`,`member_id`,`item_id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`paid` text DEFAULT 'no' NOT NULL,
	`paid_note` text,
	`delivery` text,
	`delivery_state` text DEFAULT 'pending' NOT NULL,
	`carrier` text,
	`tracking` text,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`asked_delivery` integer DEFAULT false NOT NULL,
	`released` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_sale_member` ON `participants` (`sale_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `polls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`no` integer NOT NULL,
	`question` text NOT NULL,
	`options` text NOT NULL,
	`max_choices` integer DEFAULT 1 NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`deadline` integer,
	`state` text DEFAULT 'open' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `polls_group_no` ON `polls` (`group_id`,`no`);--> statement-breakpoint
CREATE INDEX `polls_group_state` ON `polls` (`group_id`,`state`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supplier_id` integer NOT NULL,
	`item` text NOT NULL,
	`min_order` integer,
	`lead_days` integer,
	`capacity` integer,
	`ladder` text DEFAULT '[]' NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	`sample` text DEFAULT 'none' NOT NULL,
	`sample_note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`supplier_id`) REFERENCES `suppliers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_supplier_item` ON `quotes` (`supplier_id`,`item`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`stars` integer NOT NULL,
	`comment` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_sale_member` ON `ratings` (`sale_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `suppliers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`contact` text,
	`phone` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suppliers_name` ON `suppliers` (`name`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`no` integer NOT NULL,
	`sale_id` integer,
	`member_id` integer NOT NULL,
	`text` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`resolution` text,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`opened_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_group_no` ON `tickets` (`group_id`,`no`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`poll_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`choices` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `polls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_poll_member` ON `votes` (`poll_id`,`member_id`);--> statement-breakpoint
ALTER TABLE `groups` ADD `next_poll_no` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `groups` ADD `next_intent_no` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `groups` ADD `next_ticket_no` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `groups` ADD `remind_at` text DEFAULT '20:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `groups` ADD `intent_days` integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `source` text DEFAULT 'join' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `entered_by` text;--> statement-breakpoint
ALTER TABLE `sales` ADD `lottery_until` integer;--> statement-breakpoint
ALTER TABLE `sales` ADD `lottery_seed` text;--> statement-breakpoint
ALTER TABLE `sales` ADD `intent_id` integer;--> statement-breakpoint
ALTER TABLE `sales` ADD `supplier_id` integer;--> statement-breakpoint
ALTER TABLE `sales` ADD `tiers` text;--> statement-breakpoint
ALTER TABLE `sales` ADD `pickup_points` text;--> statement-breakpoint
ALTER TABLE `sales` ADD `shipping_fee_fen` integer;--> statement-breakpoint
ALTER TABLE `sales` ADD `pay_grace_ms` integer;--> statement-breakpoint
ALTER TABLE `sales` ADD `completed_at` integer;