ALTER TABLE `memberships` ADD `previous_visit_at` integer;--> statement-breakpoint
CREATE INDEX `audit_events_lab_time_idx` ON `audit_events` (`lab_id`,`created_at`);