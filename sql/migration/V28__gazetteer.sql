-- The municipality's gazetteer: place names and address points that citizens search by name to
-- find their place on the map ("Skärblacka", "Storgatan 12"). Imported by staff from CSV or a
-- GeoPackage (its own address register), and loaded by the demo.
--
-- pg_trgm and unaccent are trusted extensions of PostgreSQL's contrib (13+), so the database owner
-- creates them without a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The searchable form of a name: lower case, accents and Swedish letters folded (å ä → a, ö → o,
-- é → e), white space collapsed. "skarblacka" and "SKÄRBLACKA" both become the form of
-- "Skärblacka". unaccent() itself is only STABLE (its dictionary could change); naming the
-- dictionary makes this wrapper safe to declare IMMUTABLE, which a stored generated column and
-- its index need. The query side folds its text with the same function.
CREATE FUNCTION place_fold(name text)
    RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, name)), '\s+', ' ', 'g'))
$$;

CREATE TABLE place (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind          text NOT NULL
        CHECK (kind IN ('address', 'street', 'square', 'village', 'locality', 'district', 'landmark')),
    municipality  text CHECK (length(municipality) <= 100),
    district      text CHECK (length(district) <= 100),
    location      geometry(Point, 4326) NOT NULL,
    -- 'import' from staff's files, 'demo' from the demo data: a replacing import removes both.
    source        text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'demo')),
    search_name   text NOT NULL GENERATED ALWAYS AS (place_fold(name)) STORED
);

-- Trigram GIN: serves the search's LIKE '%…%' and word-similarity (<%) conditions alike.
CREATE INDEX place_search_name_trgm_idx ON place USING gin (search_name gin_trgm_ops);
CREATE INDEX place_location_idx ON place USING gist (location);
