ALTER TABLE `plugins` ADD `raw_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `plugins` ADD `raw_vendor` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `plugins` ADD `group_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `plugins` ADD `own_category` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `plugins` ADD `own_category_source` text DEFAULT 'rules' NOT NULL;--> statement-breakpoint
CREATE INDEX `plugins_group` ON `plugins` (`group_id`);--> statement-breakpoint
UPDATE `plugins` SET `raw_name` = `name`, `raw_vendor` = `vendor`, `group_id` = `id`, `own_category` = `category`, `own_category_source` = `category_source`;--> statement-breakpoint
DELETE FROM `plugins` WHERE `status` = 'failed' AND `error` LIKE '%entry point%' AND `error` NOT LIKE '%incompatible%';--> statement-breakpoint
UPDATE `files` SET `status` = 'skipped', `plugin_count` = 0 WHERE `status` = 'failed' AND `error` LIKE '%entry point%' AND `error` NOT LIKE '%incompatible%';--> statement-breakpoint
DELETE FROM `settings` WHERE `key` = 'groupingVersion';
