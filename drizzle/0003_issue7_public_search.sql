-- Directory search (issue 7): an FTS5 index of the allow-listed text of public labs, in English and
-- Chinese. The trigram tokenizer matches inside Chinese text, which has no spaces between words.
-- Triggers keep it current whoever writes; a lab that is not public has no document at all.
-- If a later migration rebuilds one of the tables below (drizzle's "__new_" copy), its triggers are
-- dropped with the old table and must be created again (tests/integration/public-search.test.ts notices).
CREATE VIEW `lab_search_documents` AS
SELECT
	l.id AS lab_id,
	concat_ws(' ', l.name_en, l.name_zh, l.acronym_en, l.acronym_zh, l.slug) AS names,
	concat_ws(' ', l.objective_en, l.objective_zh) AS objective,
	concat_ws(' ', l.chain_en, l.chain_zh) AS chain,
	coalesce((SELECT group_concat(concat_ws(' ', t.name_en, t.name_zh), ' ') FROM lab_technologies t WHERE t.lab_id = l.id), '') AS technologies,
	coalesce((SELECT group_concat(concat_ws(' ', o.name_en, o.name_zh, o.short_name), ' ') FROM participations p JOIN organisations o ON o.id = p.organisation_id WHERE p.lab_id = l.id), '') AS partners
FROM labs l
WHERE l.visibility = 'public';
--> statement-breakpoint
CREATE VIRTUAL TABLE `lab_search` USING fts5(names, objective, chain, technologies, partners, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents;
--> statement-breakpoint
CREATE TRIGGER `lab_search_lab_insert` AFTER INSERT ON `labs`
BEGIN
	INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
	SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents WHERE lab_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `lab_search_lab_update` AFTER UPDATE ON `labs`
BEGIN
	DELETE FROM lab_search WHERE rowid IN (OLD.id, NEW.id);
	INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
	SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents WHERE lab_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `lab_search_lab_delete` AFTER DELETE ON `labs`
BEGIN
	DELETE FROM lab_search WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `lab_search_technology_insert` AFTER INSERT ON `lab_technologies`
BEGIN
	DELETE FROM lab_search WHERE rowid = NEW.lab_id;
	INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
	SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents WHERE lab_id = NEW.lab_id;
END;
--> statement-breakpoint
CREATE TRIGGER `lab_search_technology_update` AFTER UPDATE ON `lab_technologies`
BEGIN
	DELETE FROM lab_search WHERE rowid IN (OLD.lab_id, NEW.lab_id);
	INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
	SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents WHERE lab_id IN (OLD.lab_id, NEW.lab_id);
END;
--> statement-breakpoint
CREATE TRIGGER `lab_search_technology_delete` AFTER DELETE ON `lab_technologies`
BEGIN
	DELETE FROM lab_search WHERE rowid = OLD.lab_id;
	INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
	SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents WHERE lab_id = OLD.lab_id;
END;
--> statement-breakpoint
CREATE TRIGGER `lab_search_participation_insert` AFTER INSERT ON `participations`
BEGIN
	DELETE FROM lab_search WHERE rowid = NEW.lab_id;
	INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
	SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents WHERE lab_id = NEW.lab_id;
END;
--> statement-breakpoint
CREATE TRIGGER `lab_search_participation_update` AFTER UPDATE ON `participations`
BEGIN
	DELETE FROM lab_search WHERE rowid IN (OLD.lab_id, NEW.lab_id);
	INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
	SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents WHERE lab_id IN (OLD.lab_id, NEW.lab_id);
END;
--> statement-breakpoint
CREATE TRIGGER `lab_search_participation_delete` AFTER DELETE ON `participations`
BEGIN
	DELETE FROM lab_search WHERE rowid = OLD.lab_id;
	INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
	SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents WHERE lab_id = OLD.lab_id;
END;
--> statement-breakpoint
CREATE TRIGGER `lab_search_organisation_update` AFTER UPDATE ON `organisations`
BEGIN
	DELETE FROM lab_search WHERE rowid IN (SELECT lab_id FROM participations WHERE organisation_id = NEW.id);
	INSERT INTO lab_search(rowid, names, objective, chain, technologies, partners)
	SELECT lab_id, names, objective, chain, technologies, partners FROM lab_search_documents
	WHERE lab_id IN (SELECT lab_id FROM participations WHERE organisation_id = NEW.id);
END;
