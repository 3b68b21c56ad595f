-- audit_events is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused, whoever asks. The
-- one exception: deleting a whole organisation, in a transaction that names it first with
-- set_config('tupu.audit_purge', '<org id>', true) (src/features/audit/audit-purge.ts); only that organisation's
-- rows may then go (the cascade from organisations).
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('tupu.audit_purge', true) = OLD.org_id::text THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = '42501';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
