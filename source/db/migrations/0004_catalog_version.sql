CREATE TABLE `catalog_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`catalog` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `catalog_version` (`id`, `catalog`, `version`) VALUES (1, lower(hex(randomblob(16))), 0);
--> statement-breakpoint
CREATE TRIGGER `plugins_insert_bumps_catalog` AFTER INSERT ON `plugins` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `plugins_update_bumps_catalog` AFTER UPDATE ON `plugins` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `plugins_delete_bumps_catalog` AFTER DELETE ON `plugins` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `files_insert_bumps_catalog` AFTER INSERT ON `files` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `files_update_bumps_catalog` AFTER UPDATE ON `files` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `files_delete_bumps_catalog` AFTER DELETE ON `files` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `health_insert_bumps_catalog` AFTER INSERT ON `health` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `health_update_bumps_catalog` AFTER UPDATE ON `health` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `health_delete_bumps_catalog` AFTER DELETE ON `health` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `user_data_insert_bumps_catalog` AFTER INSERT ON `user_data` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `user_data_update_bumps_catalog` AFTER UPDATE ON `user_data` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `user_data_delete_bumps_catalog` AFTER DELETE ON `user_data` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tags_insert_bumps_catalog` AFTER INSERT ON `tags` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tags_update_bumps_catalog` AFTER UPDATE ON `tags` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `tags_delete_bumps_catalog` AFTER DELETE ON `tags` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
