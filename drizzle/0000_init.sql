CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`legal_name` text NOT NULL,
	`short_name` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text,
	`type` text NOT NULL,
	`tier` text DEFAULT 'other' NOT NULL,
	`chain_position` text,
	`region` text,
	`website` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	CONSTRAINT "organisations_type_check" CHECK("organisations"."type" in ('enterprise', 'university', 'research_institute', 'government_body', 'other')),
	CONSTRAINT "organisations_tier_check" CHECK("organisations"."tier" in ('chain_leader', 'single_item_champion', 'little_giant', 'other')),
	CONSTRAINT "organisations_chain_position_check" CHECK("organisations"."chain_position" in ('upstream_materials', 'upstream_equipment', 'upstream_components', 'midstream_manufacturing', 'downstream_products'))
);
--> statement-breakpoint
CREATE INDEX `organisations_name_en_idx` ON `organisations` (lower("name_en"));--> statement-breakpoint
CREATE INDEX `organisations_short_name_idx` ON `organisations` (lower("short_name"));--> statement-breakpoint
CREATE TABLE `lab_technologies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text,
	`position` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lab_technologies_lab_idx` ON `lab_technologies` (`lab_id`,`position`);--> statement-breakpoint
CREATE TABLE `labs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text,
	`acronym_en` text,
	`acronym_zh` text,
	`objective_en` text DEFAULT '' NOT NULL,
	`objective_zh` text,
	`sector` text NOT NULL,
	`chain_en` text NOT NULL,
	`chain_zh` text,
	`region` text,
	`stage` text NOT NULL,
	`status` text DEFAULT 'planning' NOT NULL,
	`start_date` text,
	`end_date` text,
	`visibility` text DEFAULT 'private' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	CONSTRAINT "labs_slug_format" CHECK("labs"."slug" = lower("labs"."slug") and "labs"."slug" not glob '*[^a-z0-9-]*' and length("labs"."slug") between 2 and 64),
	CONSTRAINT "labs_sector_check" CHECK("labs"."sector" in ('electronics', 'semiconductors', 'automotive', 'steel_metallurgy', 'chemicals_materials', 'machinery_equipment', 'new_energy', 'aerospace', 'biomedicine', 'other')),
	CONSTRAINT "labs_stage_check" CHECK("labs"."stage" in ('rnd', 'tech_verification', 'pilot', 'commercialization', 'mass_production')),
	CONSTRAINT "labs_status_check" CHECK("labs"."status" in ('planning', 'active', 'completed', 'suspended')),
	CONSTRAINT "labs_visibility_check" CHECK("labs"."visibility" in ('private', 'public')),
	CONSTRAINT "labs_start_date_check" CHECK("labs"."start_date" is null or (length("labs"."start_date") = 10 and date("labs"."start_date") = "labs"."start_date")),
	CONSTRAINT "labs_end_date_check" CHECK("labs"."end_date" is null or (length("labs"."end_date") = 10 and date("labs"."end_date") = "labs"."end_date")),
	CONSTRAINT "labs_dates_order" CHECK("labs"."start_date" is null or "labs"."end_date" is null or "labs"."end_date" >= "labs"."start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `labs_slug_unique` ON `labs` (lower("slug"));--> statement-breakpoint
CREATE INDEX `labs_visibility_idx` ON `labs` (`visibility`,`name_en`);--> statement-breakpoint
CREATE TABLE `participations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`role` text NOT NULL,
	`joined_on` text,
	`contribution` text,
	`budget_cny` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "participations_role_check" CHECK("participations"."role" in ('lead', 'core_partner', 'supplier', 'end_user', 'research_partner')),
	CONSTRAINT "participations_joined_on_check" CHECK("participations"."joined_on" is null or (length("participations"."joined_on") = 10 and date("participations"."joined_on") = "participations"."joined_on")),
	CONSTRAINT "participations_budget_check" CHECK("participations"."budget_cny" is null or "participations"."budget_cny" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participations_lab_org_unique` ON `participations` (`lab_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `participations_org_idx` ON `participations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` integer,
	`token_hash` text NOT NULL,
	`invited_by_id` integer,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_by_id` integer,
	`revoked_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`invited_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`accepted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "invitations_role_check" CHECK("invitations"."role" in ('viewer', 'member', 'manager'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_lab_idx` ON `invitations` (`lab_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `invitations_organisation_idx` ON `invitations` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `invitations_invited_by_idx` ON `invitations` (`invited_by_id`);--> statement-breakpoint
CREATE INDEX `invitations_accepted_by_idx` ON `invitations` (`accepted_by_id`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`last_visited_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "memberships_role_check" CHECK("memberships"."role" in ('viewer', 'member', 'manager'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_lab_user_unique` ON `memberships` (`lab_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `memberships_user_idx` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `password_resets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_by_id` integer,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_resets_token_hash_unique` ON `password_resets` (`token_hash`);--> statement-breakpoint
CREATE INDEX `password_resets_user_idx` ON `password_resets` (`user_id`);--> statement-breakpoint
CREATE INDEX `password_resets_created_by_idx` ON `password_resets` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`organisation_id` integer,
	`is_admin` integer DEFAULT false NOT NULL,
	`disabled_at` integer,
	`session_version` integer DEFAULT 1 NOT NULL,
	`locale` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "users_email_lowercase" CHECK("users"."email" = lower(trim("users"."email"))),
	CONSTRAINT "users_locale_check" CHECK("users"."locale" in ('en', 'zh-CN'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (lower("email"));--> statement-breakpoint
CREATE INDEX `users_organisation_idx` ON `users` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `baseline_items` (
	`baseline_id` integer NOT NULL,
	`milestone_id` integer NOT NULL,
	`start` text NOT NULL,
	`finish` text NOT NULL,
	PRIMARY KEY(`baseline_id`, `milestone_id`),
	FOREIGN KEY (`baseline_id`) REFERENCES `milestone_baselines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "baseline_items_start_check" CHECK("baseline_items"."start" is null or (length("baseline_items"."start") = 10 and date("baseline_items"."start") = "baseline_items"."start")),
	CONSTRAINT "baseline_items_finish_check" CHECK("baseline_items"."finish" is null or (length("baseline_items"."finish") = 10 and date("baseline_items"."finish") = "baseline_items"."finish")),
	CONSTRAINT "baseline_items_order" CHECK("baseline_items"."finish" >= "baseline_items"."start")
);
--> statement-breakpoint
CREATE INDEX `baseline_items_milestone_idx` ON `baseline_items` (`milestone_id`);--> statement-breakpoint
CREATE TABLE `milestone_baselines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`name` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `milestone_baselines_lab_idx` ON `milestone_baselines` (`lab_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `milestone_baselines_created_by_idx` ON `milestone_baselines` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `milestone_dependencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`predecessor_id` integer NOT NULL,
	`successor_id` integer NOT NULL,
	`lag_days` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`predecessor_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`successor_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "milestone_dependencies_not_self" CHECK("milestone_dependencies"."predecessor_id" <> "milestone_dependencies"."successor_id"),
	CONSTRAINT "milestone_dependencies_lag_range" CHECK("milestone_dependencies"."lag_days" between -3650 and 3650)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `milestone_dependencies_pair_unique` ON `milestone_dependencies` (`predecessor_id`,`successor_id`);--> statement-breakpoint
CREATE INDEX `milestone_dependencies_successor_idx` ON `milestone_dependencies` (`successor_id`);--> statement-breakpoint
CREATE INDEX `milestone_dependencies_lab_idx` ON `milestone_dependencies` (`lab_id`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`phase` text NOT NULL,
	`owner_organisation_id` integer,
	`forecast_start` text NOT NULL,
	`forecast_finish` text NOT NULL,
	`actual_start` text,
	`actual_finish` text,
	`status` text DEFAULT 'not_started' NOT NULL,
	`percent_complete` integer DEFAULT 0 NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "milestones_phase_check" CHECK("milestones"."phase" in ('rnd', 'tech_verification', 'pilot', 'commercialization', 'mass_production')),
	CONSTRAINT "milestones_status_check" CHECK("milestones"."status" in ('not_started', 'in_progress', 'at_risk', 'done', 'cancelled')),
	CONSTRAINT "milestones_forecast_start_check" CHECK("milestones"."forecast_start" is null or (length("milestones"."forecast_start") = 10 and date("milestones"."forecast_start") = "milestones"."forecast_start")),
	CONSTRAINT "milestones_forecast_finish_check" CHECK("milestones"."forecast_finish" is null or (length("milestones"."forecast_finish") = 10 and date("milestones"."forecast_finish") = "milestones"."forecast_finish")),
	CONSTRAINT "milestones_actual_start_check" CHECK("milestones"."actual_start" is null or (length("milestones"."actual_start") = 10 and date("milestones"."actual_start") = "milestones"."actual_start")),
	CONSTRAINT "milestones_actual_finish_check" CHECK("milestones"."actual_finish" is null or (length("milestones"."actual_finish") = 10 and date("milestones"."actual_finish") = "milestones"."actual_finish")),
	CONSTRAINT "milestones_forecast_order" CHECK("milestones"."forecast_finish" >= "milestones"."forecast_start"),
	CONSTRAINT "milestones_actual_order" CHECK("milestones"."actual_start" is null or "milestones"."actual_finish" is null or "milestones"."actual_finish" >= "milestones"."actual_start"),
	CONSTRAINT "milestones_percent_range" CHECK("milestones"."percent_complete" between 0 and 100),
	CONSTRAINT "milestones_done_is_finished" CHECK("milestones"."status" <> 'done' or ("milestones"."actual_finish" is not null and "milestones"."percent_complete" = 100))
);
--> statement-breakpoint
CREATE INDEX `milestones_lab_idx` ON `milestones` (`lab_id`,`forecast_start`);--> statement-breakpoint
CREATE INDEX `milestones_owner_idx` ON `milestones` (`owner_organisation_id`);--> statement-breakpoint
CREATE INDEX `milestones_public_idx` ON `milestones` (`lab_id`,`is_public`);--> statement-breakpoint
CREATE TABLE `goal_milestones` (
	`goal_id` integer NOT NULL,
	`milestone_id` integer NOT NULL,
	PRIMARY KEY(`goal_id`, `milestone_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goal_milestones_milestone_idx` ON `goal_milestones` (`milestone_id`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`title_en` text NOT NULL,
	`title_zh` text,
	`item_kind` text NOT NULL,
	`item_name_en` text NOT NULL,
	`item_name_zh` text,
	`metric_en` text NOT NULL,
	`metric_zh` text,
	`unit` text NOT NULL,
	`unit_label` text,
	`direction` text NOT NULL,
	`baseline_value` real NOT NULL,
	`baseline_date` text NOT NULL,
	`target_value` real NOT NULL,
	`target_date` text NOT NULL,
	`tolerance` real,
	`owner_organisation_id` integer,
	`is_public` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "goals_item_kind_check" CHECK("goals"."item_kind" in ('material', 'component', 'equipment', 'software')),
	CONSTRAINT "goals_unit_check" CHECK("goals"."unit" in ('percent', 'tonnes', 'units', 'cny', 'usd', 'kg_co2e_per_t', 'count', 'other')),
	CONSTRAINT "goals_direction_check" CHECK("goals"."direction" in ('raise', 'lower')),
	CONSTRAINT "goals_baseline_date_check" CHECK("goals"."baseline_date" is null or (length("goals"."baseline_date") = 10 and date("goals"."baseline_date") = "goals"."baseline_date")),
	CONSTRAINT "goals_target_date_check" CHECK("goals"."target_date" is null or (length("goals"."target_date") = 10 and date("goals"."target_date") = "goals"."target_date")),
	CONSTRAINT "goals_dates_order" CHECK("goals"."target_date" > "goals"."baseline_date"),
	CONSTRAINT "goals_direction_consistent" CHECK(("goals"."direction" = 'raise' and "goals"."target_value" > "goals"."baseline_value") or ("goals"."direction" = 'lower' and "goals"."target_value" < "goals"."baseline_value")),
	CONSTRAINT "goals_tolerance_positive" CHECK("goals"."tolerance" is null or "goals"."tolerance" > 0)
);
--> statement-breakpoint
CREATE INDEX `goals_lab_idx` ON `goals` (`lab_id`,`is_public`);--> statement-breakpoint
CREATE INDEX `goals_owner_idx` ON `goals` (`owner_organisation_id`);--> statement-breakpoint
CREATE TABLE `measurements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`goal_id` integer NOT NULL,
	`value` real NOT NULL,
	`as_of` text NOT NULL,
	`source` text,
	`source_url` text,
	`comment` text,
	`recorded_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "measurements_as_of_check" CHECK("measurements"."as_of" is null or (length("measurements"."as_of") = 10 and date("measurements"."as_of") = "measurements"."as_of"))
);
--> statement-breakpoint
CREATE INDEX `measurements_goal_idx` ON `measurements` (`goal_id`,`as_of`);--> statement-breakpoint
CREATE INDEX `measurements_recorded_by_idx` ON `measurements` (`recorded_by_id`);--> statement-breakpoint
CREATE TABLE `progress_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`health` text NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`hidden_at` integer,
	`hidden_by_id` integer,
	`hidden_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`hidden_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "progress_updates_health_check" CHECK("progress_updates"."health" in ('on_track', 'at_risk', 'off_track'))
);
--> statement-breakpoint
CREATE INDEX `progress_updates_lab_idx` ON `progress_updates` (`lab_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `progress_updates_author_idx` ON `progress_updates` (`author_id`);--> statement-breakpoint
CREATE INDEX `progress_updates_hidden_by_idx` ON `progress_updates` (`hidden_by_id`);--> statement-breakpoint
CREATE TABLE `update_goals` (
	`update_id` integer NOT NULL,
	`goal_id` integer NOT NULL,
	PRIMARY KEY(`update_id`, `goal_id`),
	FOREIGN KEY (`update_id`) REFERENCES `progress_updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `update_goals_goal_idx` ON `update_goals` (`goal_id`);--> statement-breakpoint
CREATE TABLE `update_milestones` (
	`update_id` integer NOT NULL,
	`milestone_id` integer NOT NULL,
	PRIMARY KEY(`update_id`, `milestone_id`),
	FOREIGN KEY (`update_id`) REFERENCES `progress_updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `update_milestones_milestone_idx` ON `update_milestones` (`milestone_id`);--> statement-breakpoint
CREATE TABLE `update_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`update_id` integer NOT NULL,
	`body` text NOT NULL,
	`health` text NOT NULL,
	`is_public` integer NOT NULL,
	`edited_by_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `progress_updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edited_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "update_revisions_health_check" CHECK("update_revisions"."health" in ('on_track', 'at_risk', 'off_track'))
);
--> statement-breakpoint
CREATE INDEX `update_revisions_update_idx` ON `update_revisions` (`update_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `update_revisions_edited_by_idx` ON `update_revisions` (`edited_by_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lab_id` integer,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`lab_id`) REFERENCES `labs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_events_lab_idx` ON `audit_events` (`lab_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_entity_idx` ON `audit_events` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`,`id`);