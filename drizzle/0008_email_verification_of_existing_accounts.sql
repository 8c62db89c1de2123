-- Accounts that existed before addresses were verified (decision 018) count as verified, except those
-- made from an invitation link: a manager may have held that link and chosen the password.
UPDATE `users` SET `email_verified_at` = `created_at`
WHERE `id` NOT IN (
	SELECT `entity_id` FROM `audit_events`
	WHERE `entity_type` = 'user' AND `action` = 'created' AND `entity_id` IS NOT NULL
		AND json_extract(`after`, '$.invitationId') IS NOT NULL
);
