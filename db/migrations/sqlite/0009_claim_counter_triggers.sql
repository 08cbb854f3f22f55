-- Counters on claims kept by the database, so every write path (the app's, an import's, a copy's)
-- keeps them, and lists, the queue and the feeds need no count or subquery per row.
--
-- dispute_count: the `disputes` links touching the claim; public_dispute_count: those whose
-- other claim is published (contested, as a reader sees it). Recomputed (never incremented), so
-- a copy that brings claims with their counts and then their links ends where it began.
CREATE TRIGGER `claim_links_disputes_ai` AFTER INSERT ON `claim_links` WHEN new.kind = 'disputes'
BEGIN
  UPDATE claims SET
    dispute_count = (SELECT count(*) FROM claim_links l WHERE l.kind = 'disputes' AND (l.from_claim_id = claims.id OR l.to_claim_id = claims.id)),
    public_dispute_count = (SELECT count(*) FROM claim_links l JOIN claims o ON o.id = CASE WHEN l.from_claim_id = claims.id THEN l.to_claim_id ELSE l.from_claim_id END
      WHERE l.kind = 'disputes' AND (l.from_claim_id = claims.id OR l.to_claim_id = claims.id) AND o.status = 'published')
  WHERE id IN (new.from_claim_id, new.to_claim_id);
END;
--> statement-breakpoint
CREATE TRIGGER `claim_links_disputes_ad` AFTER DELETE ON `claim_links` WHEN old.kind = 'disputes'
BEGIN
  UPDATE claims SET
    dispute_count = (SELECT count(*) FROM claim_links l WHERE l.kind = 'disputes' AND (l.from_claim_id = claims.id OR l.to_claim_id = claims.id)),
    public_dispute_count = (SELECT count(*) FROM claim_links l JOIN claims o ON o.id = CASE WHEN l.from_claim_id = claims.id THEN l.to_claim_id ELSE l.from_claim_id END
      WHERE l.kind = 'disputes' AND (l.from_claim_id = claims.id OR l.to_claim_id = claims.id) AND o.status = 'published')
  WHERE id IN (old.from_claim_id, old.to_claim_id);
END;
--> statement-breakpoint
-- A claim published or unpublished changes what its disputants show readers.
CREATE TRIGGER `claims_disputes_status_au` AFTER UPDATE OF status ON `claims`
WHEN new.dispute_count > 0 AND (old.status = 'published') <> (new.status = 'published')
BEGIN
  UPDATE claims SET
    public_dispute_count = (SELECT count(*) FROM claim_links l JOIN claims o ON o.id = CASE WHEN l.from_claim_id = claims.id THEN l.to_claim_id ELSE l.from_claim_id END
      WHERE l.kind = 'disputes' AND (l.from_claim_id = claims.id OR l.to_claim_id = claims.id) AND o.status = 'published')
  WHERE id IN (SELECT to_claim_id FROM claim_links WHERE from_claim_id = new.id AND kind = 'disputes'
               UNION SELECT from_claim_id FROM claim_links WHERE to_claim_id = new.id AND kind = 'disputes');
END;
--> statement-breakpoint
-- request_count: readers' check requests.
CREATE TRIGGER `check_requests_count_ai` AFTER INSERT ON `check_requests`
BEGIN
  UPDATE claims SET request_count = (SELECT count(*) FROM check_requests r WHERE r.claim_id = new.claim_id) WHERE id = new.claim_id;
END;
--> statement-breakpoint
CREATE TRIGGER `check_requests_count_ad` AFTER DELETE ON `check_requests`
BEGIN
  UPDATE claims SET request_count = (SELECT count(*) FROM check_requests r WHERE r.claim_id = old.claim_id) WHERE id = old.claim_id;
END;
--> statement-breakpoint
-- verdict_at: when the verdict shown was published — the latest approval of a proposed verdict,
-- else (a verdict that came with no review, e.g. imported) when the claim was published.
CREATE TRIGGER `reviews_verdict_at_ai` AFTER INSERT ON `reviews` WHEN new.state = 'approved' AND new.decided_at IS NOT NULL
BEGIN
  UPDATE claims SET verdict_at = new.decided_at WHERE id = new.claim_id AND (verdict_at IS NULL OR verdict_at < new.decided_at);
END;
--> statement-breakpoint
CREATE TRIGGER `reviews_verdict_at_au` AFTER UPDATE OF state ON `reviews` WHEN new.state = 'approved' AND new.decided_at IS NOT NULL
BEGIN
  UPDATE claims SET verdict_at = new.decided_at WHERE id = new.claim_id AND (verdict_at IS NULL OR verdict_at < new.decided_at);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_verdict_at_ai` AFTER INSERT ON `claims` WHEN new.status = 'published' AND new.rating_id IS NOT NULL AND new.verdict_at IS NULL
BEGIN
  UPDATE claims SET verdict_at = coalesce(new.published_at, new.updated_at) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_verdict_at_au` AFTER UPDATE OF status, rating_id ON `claims` WHEN new.status = 'published' AND new.rating_id IS NOT NULL AND new.verdict_at IS NULL
BEGIN
  UPDATE claims SET verdict_at = coalesce(new.published_at, new.updated_at) WHERE id = new.id;
END;
--> statement-breakpoint
-- The counters of the rows already stored.
UPDATE claims SET
  dispute_count = (SELECT count(*) FROM claim_links l WHERE l.kind = 'disputes' AND (l.from_claim_id = claims.id OR l.to_claim_id = claims.id)),
  public_dispute_count = (SELECT count(*) FROM claim_links l JOIN claims o ON o.id = CASE WHEN l.from_claim_id = claims.id THEN l.to_claim_id ELSE l.from_claim_id END
    WHERE l.kind = 'disputes' AND (l.from_claim_id = claims.id OR l.to_claim_id = claims.id) AND o.status = 'published')
WHERE id IN (SELECT from_claim_id FROM claim_links WHERE kind = 'disputes' UNION SELECT to_claim_id FROM claim_links WHERE kind = 'disputes');
--> statement-breakpoint
UPDATE claims SET request_count = (SELECT count(*) FROM check_requests r WHERE r.claim_id = claims.id) WHERE id IN (SELECT claim_id FROM check_requests);
--> statement-breakpoint
UPDATE claims SET verdict_at = coalesce((SELECT max(r.decided_at) FROM reviews r WHERE r.claim_id = claims.id AND r.state = 'approved'), published_at, updated_at)
WHERE status = 'published' AND rating_id IS NOT NULL;
