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

-- Moves a set of pins into (delta 1) or out of (delta -1) the counts, all at once: a statement
-- that inserts or hides a thousand pins updates each cell once, not a thousand times.
CREATE FUNCTION pin_cell_shift(dialogues bigint[], locations geometry[], cats text[], delta integer)
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF dialogues IS NULL OR cardinality(dialogues) = 0 THEN
    RETURN;
  END IF;
  IF delta > 0 THEN
    INSERT INTO pin_cell AS c (dialogue_id, z, cx, cy, category, n, sx, sy)
    SELECT p.d, k.z, k.cx, k.cy, p.cat, count(*), sum(k.mx), sum(k.my)
    FROM unnest(dialogues, locations, cats) AS p(d, loc, cat), pin_cell_keys(p.loc) k
    GROUP BY p.d, k.z, k.cx, k.cy, p.cat
    ON CONFLICT (dialogue_id, z, cx, cy, category)
      DO UPDATE SET n = c.n + EXCLUDED.n, sx = c.sx + EXCLUDED.sx, sy = c.sy + EXCLUDED.sy;
  ELSE
    -- Pins leaving: their cells lose them, and a cell left empty goes.
    UPDATE pin_cell c SET n = c.n - g.n, sx = c.sx - g.sx, sy = c.sy - g.sy
    FROM (SELECT p.d, k.z, k.cx, k.cy, p.cat, count(*) AS n, sum(k.mx) AS sx, sum(k.my) AS sy
          FROM unnest(dialogues, locations, cats) AS p(d, loc, cat), pin_cell_keys(p.loc) k
          GROUP BY p.d, k.z, k.cx, k.cy, p.cat) g
    WHERE c.dialogue_id = g.d AND c.z = g.z AND c.cx = g.cx AND c.cy = g.cy AND c.category = g.cat;
    DELETE FROM pin_cell c
    USING (SELECT DISTINCT p.d, k.z, k.cx, k.cy, p.cat
           FROM unnest(dialogues, locations, cats) AS p(d, loc, cat), pin_cell_keys(p.loc) k) g
    WHERE c.dialogue_id = g.d AND c.z = g.z AND c.cx = g.cx AND c.cy = g.cy AND c.category = g.cat AND c.n = 0;
  END IF;
  INSERT INTO dialogue_pin_count (dialogue_id) SELECT DISTINCT d FROM unnest(dialogues) AS p(d)
  ON CONFLICT (dialogue_id) DO NOTHING;
  UPDATE dialogue_pin_count t SET published = t.published + delta * g.n, version = t.version + 1
  FROM (SELECT d, count(*) AS n FROM unnest(dialogues) AS p(d) GROUP BY d) g
  WHERE t.dialogue_id = g.d;
END;
$$;

-- "Visible" is the rule of pin.PublicPins: published and not merged into another pin.
CREATE FUNCTION pin_cell_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pin_cell_shift(array_agg(dialogue_id), array_agg(location), array_agg(category), 1)
  FROM new_pins WHERE moderation_state = 'published' AND merged_into IS NULL;
  RETURN NULL;
END;
$$;

CREATE FUNCTION pin_cell_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pin_cell_shift(array_agg(dialogue_id), array_agg(location), array_agg(category), -1)
  FROM old_pins WHERE moderation_state = 'published' AND merged_into IS NULL;
  RETURN NULL;
END;
$$;

-- An update moves a pin out of the counts when it stops being visible or moves (place, category,
-- dialogue), and into them when it becomes visible or has moved.
CREATE FUNCTION pin_cell_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pin_cell_shift(array_agg(o.dialogue_id), array_agg(o.location), array_agg(o.category), -1)
  FROM old_pins o JOIN new_pins n USING (id)
  WHERE o.moderation_state = 'published' AND o.merged_into IS NULL
    AND (n.moderation_state <> 'published' OR n.merged_into IS NOT NULL OR n.location IS DISTINCT FROM o.location
         OR n.category IS DISTINCT FROM o.category OR n.dialogue_id IS DISTINCT FROM o.dialogue_id);
  PERFORM pin_cell_shift(array_agg(n.dialogue_id), array_agg(n.location), array_agg(n.category), 1)
  FROM old_pins o JOIN new_pins n USING (id)
  WHERE n.moderation_state = 'published' AND n.merged_into IS NULL
    AND (o.moderation_state <> 'published' OR o.merged_into IS NOT NULL OR n.location IS DISTINCT FROM o.location
         OR n.category IS DISTINCT FROM o.category OR n.dialogue_id IS DISTINCT FROM o.dialogue_id);
  RETURN NULL;
END;
$$;

CREATE TRIGGER pin_cell_inserted AFTER INSERT ON pin REFERENCING NEW TABLE AS new_pins
    FOR EACH STATEMENT EXECUTE FUNCTION pin_cell_inserted();
CREATE TRIGGER pin_cell_deleted AFTER DELETE ON pin REFERENCING OLD TABLE AS old_pins
    FOR EACH STATEMENT EXECUTE FUNCTION pin_cell_deleted();
CREATE TRIGGER pin_cell_updated AFTER UPDATE ON pin REFERENCING OLD TABLE AS old_pins NEW TABLE AS new_pins
    FOR EACH STATEMENT EXECUTE FUNCTION pin_cell_updated();

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
