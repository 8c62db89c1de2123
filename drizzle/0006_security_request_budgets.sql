CREATE TABLE `request_budgets` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`hits` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `request_budgets_window_idx` ON `request_budgets` (`window_start`);