DROP TRIGGER `user_data_insert_bumps_catalog`;
--> statement-breakpoint
DROP TRIGGER `user_data_update_bumps_catalog`;
--> statement-breakpoint
DROP TRIGGER `user_data_delete_bumps_catalog`;
--> statement-breakpoint
CREATE TRIGGER `user_data_insert_bumps_catalog` AFTER INSERT ON `user_data` WHEN new.`category` IS NOT NULL BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `user_data_update_bumps_catalog` AFTER UPDATE OF `category` ON `user_data` WHEN old.`category` IS NOT new.`category` BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `user_data_delete_bumps_catalog` AFTER DELETE ON `user_data` WHEN old.`category` IS NOT NULL BEGIN UPDATE `catalog_version` SET `version` = random() >> 11 WHERE `id` = 1; END;
