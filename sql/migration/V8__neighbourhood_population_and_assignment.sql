-- Neighbourhoods for statistics: how many people live there by age band and gender, and which
-- neighbourhood every pin lies in.
--
-- Population by group uses the pin table's own age band and gender codes, so "who has been
-- heard" compares like with like. A row is one cell of the age band x gender table that a
-- municipality's statistics give (SCB publishes exactly this cross table); a missing row means
-- the figure is not known, not zero.
CREATE TABLE neighbourhood_population (
    neighbourhood_id  bigint NOT NULL REFERENCES neighbourhood (id) ON DELETE CASCADE,
    age_band          text NOT NULL
        CHECK (age_band IN ('under_16', '16_24', '25_44', '45_64', '65_79', '80_plus')),
    gender            text NOT NULL CHECK (gender IN ('woman', 'man', 'other')),
    population        integer NOT NULL CHECK (population >= 0),
    PRIMARY KEY (neighbourhood_id, age_band, gender)
);

-- The neighbourhood whose boundary covers a point. Where boundaries overlap (a housing area drawn
-- inside its district) the smallest one wins, and the code breaks a tie, so the answer does not
-- depend on the order the rows were written in.
CREATE FUNCTION neighbourhood_at(point geometry)
    RETURNS bigint
    LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT id FROM neighbourhood
    WHERE ST_Covers(boundary, point)
    ORDER BY ST_Area(boundary), code
    LIMIT 1
$$;

ALTER TABLE pin ADD COLUMN neighbourhood_id bigint REFERENCES neighbourhood (id) ON DELETE SET NULL;
CREATE INDEX pin_neighbourhood_idx ON pin (neighbourhood_id);

-- Every way a pin arrives (web, walk, meeting, import, demo) or moves gets its neighbourhood here,
-- so statistics never have to do the spatial join at query time.
CREATE FUNCTION pin_assign_neighbourhood() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.neighbourhood_id := neighbourhood_at(NEW.location);
    RETURN NEW;
END
$$;

CREATE TRIGGER pin_assign_neighbourhood
    BEFORE INSERT OR UPDATE OF location ON pin
    FOR EACH ROW EXECUTE FUNCTION pin_assign_neighbourhood();

-- When a neighbourhood is added, redrawn or removed, the pins it covered before or covers now are
-- assigned again (an import replaces boundaries by code). Only those pins are touched, found
-- through the pin location index, so importing one district does not rewrite a million rows.
-- The old boundary rather than the old id finds the pins of a removed neighbourhood, because the
-- foreign key has already set their id to null by the time this runs.
CREATE FUNCTION neighbourhood_reassign_pins() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE pin SET neighbourhood_id = neighbourhood_at(location)
        WHERE ST_Intersects(location, OLD.boundary)
          AND neighbourhood_id IS DISTINCT FROM neighbourhood_at(location);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE pin SET neighbourhood_id = neighbourhood_at(location)
        WHERE ST_Intersects(location, NEW.boundary)
          AND neighbourhood_id IS DISTINCT FROM neighbourhood_at(location);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER neighbourhood_reassign_pins
    AFTER INSERT OR DELETE OR UPDATE OF boundary ON neighbourhood
    FOR EACH ROW EXECUTE FUNCTION neighbourhood_reassign_pins();

UPDATE pin SET neighbourhood_id = neighbourhood_at(location);
