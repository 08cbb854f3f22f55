-- Counters on claims kept by the database (twin of the SQLite 0009_claim_counter_triggers.sql):
-- dispute_count, public_dispute_count, request_count and verdict_at, recomputed by triggers so
-- every write path keeps them and a copy ends where it began.
CREATE FUNCTION cp_refresh_disputes(ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE claims SET
    dispute_count = (SELECT count(*) FROM claim_links l WHERE l.kind = 'disputes' AND (l.from_claim_id = claims.id OR l.to_claim_id = claims.id)),
    public_dispute_count = (SELECT count(*) FROM claim_links l JOIN claims o ON o.id = CASE WHEN l.from_claim_id = claims.id THEN l.to_claim_id ELSE l.from_claim_id END
      WHERE l.kind = 'disputes' AND (l.from_claim_id = claims.id OR l.to_claim_id = claims.id) AND o.status = 'published')
  WHERE id = ANY(ids);
$$;
--> statement-breakpoint
CREATE FUNCTION cp_claim_links_disputes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.kind = 'disputes' THEN
    PERFORM cp_refresh_disputes(ARRAY[NEW.from_claim_id, NEW.to_claim_id]);
  ELSIF TG_OP = 'DELETE' AND OLD.kind = 'disputes' THEN
    PERFORM cp_refresh_disputes(ARRAY[OLD.from_claim_id, OLD.to_claim_id]);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "claim_links_disputes" AFTER INSERT OR DELETE ON "claim_links" FOR EACH ROW EXECUTE FUNCTION cp_claim_links_disputes();
--> statement-breakpoint
-- A claim published or unpublished changes what its disputants show readers.
CREATE FUNCTION cp_claims_disputes_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.dispute_count > 0 AND (OLD.status = 'published') <> (NEW.status = 'published') THEN
    PERFORM cp_refresh_disputes(ARRAY(
      SELECT to_claim_id FROM claim_links WHERE from_claim_id = NEW.id AND kind = 'disputes'
      UNION SELECT from_claim_id FROM claim_links WHERE to_claim_id = NEW.id AND kind = 'disputes'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "claims_disputes_status_au" AFTER UPDATE OF status ON "claims" FOR EACH ROW EXECUTE FUNCTION cp_claims_disputes_status();
--> statement-breakpoint
CREATE FUNCTION cp_check_requests_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE claim integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.claim_id ELSE NEW.claim_id END;
BEGIN
  UPDATE claims SET request_count = (SELECT count(*) FROM check_requests r WHERE r.claim_id = claim) WHERE id = claim;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "check_requests_count" AFTER INSERT OR DELETE ON "check_requests" FOR EACH ROW EXECUTE FUNCTION cp_check_requests_count();
--> statement-breakpoint
-- verdict_at: the latest approval of a proposed verdict, else when the claim was published.
CREATE FUNCTION cp_reviews_verdict_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'approved' AND NEW.decided_at IS NOT NULL THEN
    UPDATE claims SET verdict_at = NEW.decided_at WHERE id = NEW.claim_id AND (verdict_at IS NULL OR verdict_at < NEW.decided_at);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "reviews_verdict_at" AFTER INSERT OR UPDATE OF state ON "reviews" FOR EACH ROW EXECUTE FUNCTION cp_reviews_verdict_at();
--> statement-breakpoint
CREATE FUNCTION cp_claims_verdict_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'published' AND NEW.rating_id IS NOT NULL AND NEW.verdict_at IS NULL THEN
    UPDATE claims SET verdict_at = coalesce(NEW.published_at, NEW.updated_at) WHERE id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "claims_verdict_at" AFTER INSERT OR UPDATE OF status, rating_id ON "claims" FOR EACH ROW EXECUTE FUNCTION cp_claims_verdict_at();
--> statement-breakpoint
SELECT cp_refresh_disputes(ARRAY(SELECT from_claim_id FROM claim_links WHERE kind = 'disputes' UNION SELECT to_claim_id FROM claim_links WHERE kind = 'disputes'));
--> statement-breakpoint
UPDATE claims SET request_count = (SELECT count(*) FROM check_requests r WHERE r.claim_id = claims.id) WHERE id IN (SELECT claim_id FROM check_requests);
--> statement-breakpoint
UPDATE claims SET verdict_at = coalesce((SELECT max(r.decided_at) FROM reviews r WHERE r.claim_id = claims.id AND r.state = 'approved'), published_at, updated_at)
WHERE status = 'published' AND rating_id IS NOT NULL;
