CREATE TABLE `email_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_confirmations_token_hash_unique` ON `email_confirmations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `email_confirmations_user_idx` ON `email_confirmations` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `mailed_only` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `invitations_email_idx` ON `invitations` (`email`);--> statement-breakpoint
ALTER TABLE `password_resets` ADD `mailed_only` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `email_verified_at` integer;--> statement-breakpoint
ALTER TABLE `measurements` ADD `source_awaiting_approval` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `measurements` ADD `published_source` text;--> statement-breakpoint
ALTER TABLE `progress_updates` ADD `published_body` text;--> statement-breakpoint
ALTER TABLE `progress_updates` ADD `published_health` text;--> statement-breakpoint
ALTER TABLE `progress_updates` ADD `published_updated_at` integer;