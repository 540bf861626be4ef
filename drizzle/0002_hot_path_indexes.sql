DROP INDEX `sales_group_state`;--> statement-breakpoint
CREATE INDEX `sales_group_state_no` ON `sales` (`group_id`,`state`,`no`);--> statement-breakpoint
CREATE INDEX `outbox_group_kind` ON `outbox` (`group_id`,`kind`,`id`);