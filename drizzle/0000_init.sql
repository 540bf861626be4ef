CREATE TABLE `groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`owner_name` text,
	`tz` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`digest_seconds` integer DEFAULT 15 NOT NULL,
	`countdowns` text DEFAULT '60,10' NOT NULL,
	`quiet_start` text DEFAULT '23:00' NOT NULL,
	`quiet_end` text DEFAULT '08:00' NOT NULL,
	`next_sale_no` integer DEFAULT 1 NOT NULL,
	`last_digest_at` integer,
	`digest_due_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `groups_topic` ON `groups` (`topic`);--> statement-breakpoint
CREATE INDEX `groups_digest_due` ON `groups` (`digest_due_at`);--> statement-breakpoint
CREATE TABLE `inbound` (
	`msg_id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`name` text NOT NULL,
	`price_fen` integer NOT NULL,
	`stock` integer,
	`is_default` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `items_sale` ON `items` (`sale_id`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`name` text NOT NULL,
	`contact_id` text,
	`is_admin` integer DEFAULT false NOT NULL,
	`in_group` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_group_name` ON `members` (`group_id`,`name`);--> statement-breakpoint
CREATE INDEX `members_name` ON `members` (`name`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`sale_id` integer,
	`member_name` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_group` ON `notices` (`group_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`confirmed` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_sale_item_member` ON `orders` (`sale_id`,`item_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `orders_member` ON `orders` (`member_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer,
	`to_name` text,
	`text` text NOT NULL,
	`mentions` text DEFAULT '[]' NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	`not_before` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sent_at` integer,
	`failed_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`sent_at`,`failed_at`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_group_sent` ON `outbox` (`group_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `sales` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_id` integer NOT NULL,
	`no` integer NOT NULL,
	`title` text NOT NULL,
	`note` text,
	`price_fen` integer NOT NULL,
	`stock` integer,
	`limit_per_member` integer,
	`min_units` integer,
	`min_members` integer,
	`deadline` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	`countdowns_done` text DEFAULT '' NOT NULL,
	`next_wait_seq` integer DEFAULT 1 NOT NULL,
	`sold_out_announced` integer DEFAULT false NOT NULL,
	`next_alert_at` integer,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sales_state_alert` ON `sales` (`state`,`next_alert_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_group_no` ON `sales` (`group_id`,`no`);--> statement-breakpoint
CREATE INDEX `sales_state_deadline` ON `sales` (`state`,`deadline`);--> statement-breakpoint
CREATE INDEX `sales_group_state` ON `sales` (`group_id`,`state`);--> statement-breakpoint
CREATE TABLE `waitlist` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`qty` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_sale_seq` ON `waitlist` (`sale_id`,`seq`);--> statement-breakpoint
CREATE INDEX `waitlist_member` ON `waitlist` (`member_id`);