ALTER TABLE `measurements` ADD `source_awaiting_approval` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `measurements` ADD `published_source` text;--> statement-breakpoint
ALTER TABLE `progress_updates` ADD `published_body` text;--> statement-breakpoint
ALTER TABLE `progress_updates` ADD `published_health` text;--> statement-breakpoint
ALTER TABLE `progress_updates` ADD `published_updated_at` integer;