-- Functions the schema's CHECK constraints use (the SQLite twin checks dates with GLOB and date()).

-- A calendar date `YYYY-MM-DD` that exists (2025-02-30 does not). Never raises: a bad value is
-- false, so a CHECK refuses it as a constraint violation rather than a conversion error.
CREATE FUNCTION cp_is_iso_date(value text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
  IF value !~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$' THEN
    RETURN false;
  END IF;
  RETURN to_char(value::date, 'YYYY-MM-DD') = value;
EXCEPTION WHEN others THEN
  RETURN false;
END
$$;
