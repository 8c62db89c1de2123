ALTER TABLE `labs` ADD `time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `time_zone` text;