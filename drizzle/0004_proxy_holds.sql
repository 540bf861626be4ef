CREATE TABLE `proxies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sale_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`by_member_id` integer NOT NULL,
	`qty` integer NOT NULL,
	`mode` text NOT NULL,
	`held` integer NOT NULL,
	`state` text NOT NULL,
	`asked_in` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proxies_sale_state` ON `proxies` (`sale_id`,`state`);--> statement-breakpoint
CREATE INDEX `proxies_member` ON `proxies` (`member_id`,`state`);--> statement-breakpoint
ALTER TABLE `groups` ADD `proxy_limit` integer DEFAULT 5 NOT NULL;