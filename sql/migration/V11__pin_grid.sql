-- The public map at any size: published pins counted per grid cell at every zoom level, kept
-- exact by a trigger in the same transaction as the change to the pin, so a map reads a view's
-- clusters from a few hundred rows instead of scanning the pins, and a hidden pin is gone from
-- every zoom level at once.
--
-- Cells are squares in Web Mercator (EPSG:3857), four to a 256 px map tile: at zoom z a cell is
-- 40 075 016.69 m / (4 * 2^z) wide (about 38 m at zoom 18). cx counts from the west edge of the
-- world, cy from the north edge, as map tiles do, so tile (z, x, y) holds cells 4x..4x+3, 4y..4y+3.

CREATE TABLE pin_cell (
    dialogue_id  bigint NOT NULL REFERENCES dialogue (id) ON DELETE CASCADE,
    z            smallint NOT NULL CHECK (z BETWEEN 0 AND 18),
    cx           integer NOT NULL,
    cy           integer NOT NULL,
    category     text NOT NULL,
    n            integer NOT NULL CHECK (n >= 0),
    -- Sums of the pins' Web Mercator coordinates: the cluster is drawn at their mean.
    sx           double precision NOT NULL,
    sy           double precision NOT NULL,
    PRIMARY KEY (dialogue_id, z, cx, cy, category)
);

-- Published pins per dialogue, and a version that changes whenever a published pin appears,
-- disappears, moves or changes category: the map's cluster answers are cached against it.
CREATE TABLE dialogue_pin_count (
    dialogue_id  bigint PRIMARY KEY REFERENCES dialogue (id) ON DELETE CASCADE,
    published    bigint NOT NULL DEFAULT 0 CHECK (published >= 0),
    version      bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION pin_cell_keys(location geometry)
    RETURNS TABLE (z smallint, cx integer, cy integer, mx double precision, my double precision)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT zs.z::smallint,
         floor((ST_X(m.g) + 20037508.342789244) / (40075016.685578488 / (4 * 2 ^ zs.z)))::integer,
         floor((20037508.342789244 - ST_Y(m.g)) / (40075016.685578488 / (4 * 2 ^ zs.z)))::integer,
         ST_X(m.g), ST_Y(m.g)
  FROM (SELECT ST_Transform(location, 3857) AS g) m, generate_series(0, 18) AS zs(z)
$$;

CREATE FUNCTION pin_cell_add(dialogue bigint, location geometry, cat text, delta integer)
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF delta > 0 THEN
    INSERT INTO pin_cell AS c (dialogue_id, z, cx, cy, category, n, sx, sy)
    SELECT dialogue, k.z, k.cx, k.cy, cat, delta, delta * k.mx, delta * k.my FROM pin_cell_keys(location) k
    ON CONFLICT (dialogue_id, z, cx, cy, category)
      DO UPDATE SET n = c.n + EXCLUDED.n, sx = c.sx + EXCLUDED.sx, sy = c.sy + EXCLUDED.sy;
  ELSE
    -- A pin leaving: its cells lose it, and a cell left empty goes.
    UPDATE pin_cell c SET n = c.n + delta, sx = c.sx + delta * k.mx, sy = c.sy + delta * k.my
    FROM pin_cell_keys(location) k
    WHERE c.dialogue_id = dialogue AND c.z = k.z AND c.cx = k.cx AND c.cy = k.cy AND c.category = cat;
    DELETE FROM pin_cell c USING pin_cell_keys(location) k
    WHERE c.dialogue_id = dialogue AND c.z = k.z AND c.cx = k.cx AND c.cy = k.cy AND c.category = cat AND c.n = 0;
  END IF;
  INSERT INTO dialogue_pin_count AS d (dialogue_id, published, version) VALUES (dialogue, greatest(delta, 0), 1)
  ON CONFLICT (dialogue_id) DO UPDATE SET published = d.published + delta, version = d.version + 1;
END;
$$;

-- Published and not merged into another pin: the same rule as pin.PublicPins.
CREATE FUNCTION pin_cell_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.moderation_state = 'published' AND OLD.merged_into IS NULL;
  now_ boolean := TG_OP <> 'DELETE' AND NEW.moderation_state = 'published' AND NEW.merged_into IS NULL;
  moved boolean := TG_OP = 'UPDATE' AND (OLD.location IS DISTINCT FROM NEW.location
      OR OLD.category IS DISTINCT FROM NEW.category OR OLD.dialogue_id IS DISTINCT FROM NEW.dialogue_id);
BEGIN
  IF was AND (NOT now_ OR moved) THEN
    PERFORM pin_cell_add(OLD.dialogue_id, OLD.location, OLD.category, -1);
  END IF;
  IF now_ AND (NOT was OR moved) THEN
    PERFORM pin_cell_add(NEW.dialogue_id, NEW.location, NEW.category, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER pin_cell_track AFTER INSERT OR DELETE OR UPDATE OF moderation_state, merged_into, location, category,
    dialogue_id ON pin FOR EACH ROW EXECUTE FUNCTION pin_cell_track();

-- The pins already there.
INSERT INTO pin_cell (dialogue_id, z, cx, cy, category, n, sx, sy)
SELECT p.dialogue_id, k.z, k.cx, k.cy, p.category, count(*), sum(k.mx), sum(k.my)
FROM pin p, pin_cell_keys(p.location) k
WHERE p.moderation_state = 'published' AND p.merged_into IS NULL
GROUP BY p.dialogue_id, k.z, k.cx, k.cy, p.category;

INSERT INTO dialogue_pin_count (dialogue_id, published, version)
SELECT d.id, (SELECT count(*) FROM pin p WHERE p.dialogue_id = d.id AND p.moderation_state = 'published'
                AND p.merged_into IS NULL), 1
FROM dialogue d;
