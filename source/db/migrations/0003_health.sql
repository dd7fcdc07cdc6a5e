CREATE TABLE `health` (
	`plugin_id` text NOT NULL,
	`file_path` text NOT NULL,
	`size` integer NOT NULL,
	`mtime_ms` real NOT NULL,
	`health` text NOT NULL,
	`warnings` text DEFAULT '[]' NOT NULL,
	`latency_samples` integer,
	`cpu_percent` real,
	`error` text,
	`checked_at` text NOT NULL,
	PRIMARY KEY(`plugin_id`, `file_path`)
);
