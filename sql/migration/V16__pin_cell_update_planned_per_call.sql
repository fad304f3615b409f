-- The counts of the map's grid (V11) after an UPDATE of pins: the statement trigger joins the
-- old and new rows of the update. Written as plain SQL in PL/pgSQL, that join was planned once per
-- database connection, for the size of the first update it met; a connection whose first update
-- touched one pin then joined a 20,000-pin update (a neighbourhood redrawn, a bulk reply) in a
-- nested loop, for two minutes. EXECUTE plans the join at each call, for the rows it has.
CREATE OR REPLACE FUNCTION pin_cell_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE $q$
    SELECT pin_cell_shift(array_agg(o.dialogue_id), array_agg(o.location), array_agg(o.category), -1)
    FROM old_pins o JOIN new_pins n USING (id)
    WHERE o.moderation_state = 'published' AND o.merged_into IS NULL
      AND (n.moderation_state <> 'published' OR n.merged_into IS NOT NULL OR n.location IS DISTINCT FROM o.location
           OR n.category IS DISTINCT FROM o.category OR n.dialogue_id IS DISTINCT FROM o.dialogue_id)$q$;
  EXECUTE $q$
    SELECT pin_cell_shift(array_agg(n.dialogue_id), array_agg(n.location), array_agg(n.category), 1)
    FROM old_pins o JOIN new_pins n USING (id)
    WHERE n.moderation_state = 'published' AND n.merged_into IS NULL
      AND (o.moderation_state <> 'published' OR o.merged_into IS NOT NULL OR n.location IS DISTINCT FROM o.location
           OR n.category IS DISTINCT FROM o.category OR n.dialogue_id IS DISTINCT FROM o.dialogue_id)$q$;
  RETURN NULL;
END;
$$;
