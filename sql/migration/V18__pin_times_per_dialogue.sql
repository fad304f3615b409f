-- The first and last time a dialogue's pins were made, read from the ends of an index: the OGC
-- API declares them as each pin collection's temporal extent, without scanning the pins.
CREATE INDEX pin_dialogue_created_idx ON pin (dialogue_id, created_at);
