DROP INDEX `addresses_name`;--> statement-breakpoint
ALTER TABLE `addresses` ADD `contact_id` text;--> statement-breakpoint
-- addresses were kept by name: that name is their key until the member is seen by id
UPDATE `addresses` SET `contact_id` = `name`;--> statement-breakpoint
CREATE UNIQUE INDEX `addresses_contact` ON `addresses` (`contact_id`);--> statement-breakpoint
DROP INDEX `groups_topic`;--> statement-breakpoint
ALTER TABLE `groups` ADD `room_id` text;--> statement-breakpoint
ALTER TABLE `groups` ADD `owner_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `groups_room` ON `groups` (`room_id`);--> statement-breakpoint
CREATE INDEX `groups_topic` ON `groups` (`topic`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `to_id` text;--> statement-breakpoint
UPDATE `outbox` SET `to_id` = `to_name` WHERE `to_name` IS NOT NULL;--> statement-breakpoint
-- contact ids were written per message and never read: stale after any re-login, and one
-- contact could sit on two rows after a rename. Rows start unbound; the next sighting binds them.
UPDATE `members` SET `contact_id` = NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `members_group_contact` ON `members` (`group_id`,`contact_id`);--> statement-breakpoint
CREATE INDEX `members_contact` ON `members` (`contact_id`);