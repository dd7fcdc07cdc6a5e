CREATE TABLE `blacklist` (
	`path` text PRIMARY KEY NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`auto` integer DEFAULT false NOT NULL,
	`added_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `files` (
	`path` text PRIMARY KEY NOT NULL,
	`format` text NOT NULL,
	`size` integer NOT NULL,
	`mtime_ms` real NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`fail_count` integer DEFAULT 0 NOT NULL,
	`plugin_count` integer DEFAULT 0 NOT NULL,
	`scanned_at` text,
	`scan_id` integer
);
--> statement-breakpoint
CREATE INDEX `files_status` ON `files` (`status`);--> statement-breakpoint
CREATE INDEX `files_format` ON `files` (`format`);--> statement-breakpoint
CREATE TABLE `parameters` (
	`plugin_key` integer NOT NULL,
	`idx` integer NOT NULL,
	`param_id` text NOT NULL,
	`name` text NOT NULL,
	`units` text DEFAULT '' NOT NULL,
	`min` real NOT NULL,
	`max` real NOT NULL,
	`default_value` real NOT NULL,
	`type` text NOT NULL,
	`steps` integer DEFAULT 0 NOT NULL,
	`value_strings` text,
	`is_output` integer DEFAULT false NOT NULL,
	`is_automatable` integer DEFAULT true NOT NULL,
	`sample_rate_scaled` integer DEFAULT false NOT NULL,
	`display` text,
	PRIMARY KEY(`plugin_key`, `idx`),
	FOREIGN KEY (`plugin_key`) REFERENCES `plugins`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `parameters_name` ON `parameters` ("name" collate nocase);--> statement-breakpoint
CREATE TABLE `plugins` (
	`key` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`format` text NOT NULL,
	`name` text NOT NULL,
	`vendor` text DEFAULT '' NOT NULL,
	`version` text DEFAULT '' NOT NULL,
	`path` text NOT NULL,
	`file_path` text,
	`uid` text NOT NULL,
	`category` text DEFAULT 'other' NOT NULL,
	`category_source` text DEFAULT 'rules' NOT NULL,
	`raw_category` text DEFAULT '' NOT NULL,
	`is_instrument` integer DEFAULT false NOT NULL,
	`audio_inputs` integer DEFAULT 0 NOT NULL,
	`audio_outputs` integer DEFAULT 0 NOT NULL,
	`aux_inputs` integer DEFAULT 0 NOT NULL,
	`midi_inputs` integer DEFAULT 0 NOT NULL,
	`midi_outputs` integer DEFAULT 0 NOT NULL,
	`parameter_count` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'ok' NOT NULL,
	`error` text,
	`scanned_at` text NOT NULL,
	`shadowed` integer DEFAULT false NOT NULL,
	`rank` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plugins_id_path` ON `plugins` (`id`,`path`);--> statement-breakpoint
CREATE INDEX `plugins_format` ON `plugins` (`format`);--> statement-breakpoint
CREATE INDEX `plugins_category` ON `plugins` (`category`);--> statement-breakpoint
CREATE INDEX `plugins_vendor` ON `plugins` ("vendor" collate nocase);--> statement-breakpoint
CREATE INDEX `plugins_name` ON `plugins` ("name" collate nocase);--> statement-breakpoint
CREATE INDEX `plugins_instrument` ON `plugins` (`is_instrument`);--> statement-breakpoint
CREATE INDEX `plugins_params` ON `plugins` (`parameter_count`);--> statement-breakpoint
CREATE INDEX `plugins_file` ON `plugins` (`file_path`);--> statement-breakpoint
CREATE INDEX `plugins_status` ON `plugins` (`status`);--> statement-breakpoint
CREATE TABLE `presets` (
	`plugin_key` integer NOT NULL,
	`idx` integer NOT NULL,
	`name` text NOT NULL,
	`uri` text,
	PRIMARY KEY(`plugin_key`, `idx`),
	FOREIGN KEY (`plugin_key`) REFERENCES `plugins`(`key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `scan_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`state` text NOT NULL,
	`roots` text,
	`full` integer DEFAULT false NOT NULL,
	`duration_ms` integer,
	`plugins_per_second` real,
	`counts` text,
	`diff` text
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`plugin_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`plugin_id`, `tag`)
);
--> statement-breakpoint
CREATE INDEX `tags_tag` ON `tags` (`tag`);--> statement-breakpoint
CREATE TABLE `user_data` (
	`plugin_id` text PRIMARY KEY NOT NULL,
	`favorite` integer DEFAULT false NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`category` text
);
--> statement-breakpoint
CREATE INDEX `user_data_favorite` ON `user_data` (`favorite`);--> statement-breakpoint
CREATE TABLE `user_presets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plugin_id` text NOT NULL,
	`name` text NOT NULL,
	`values_json` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_presets_plugin_name` ON `user_presets` (`plugin_id`,`name`);