-- Lines and areas (issue 15). A dialogue says which shapes a citizen may draw; a pin that is a
-- line or an area keeps its drawn geometry in drawn_shape, while pin.location stays a Point: the
-- shape's representative point (areas: ST_PointOnSurface; lines: the point halfway along,
-- ST_LineInterpolatePoint(g, 0.5)). Clustering, hotspots, tiles, the grid, heat and statistics
-- read location, so a line or an area counts at its representative point. Written by
-- pin.PinSubmissions after pin.ShapeRules; read by the public pin reads, OGC API and exports.

ALTER TABLE dialogue
    ADD COLUMN accepted_shapes text[] NOT NULL DEFAULT '{point}'
        CHECK (cardinality(accepted_shapes) BETWEEN 1 AND 3
               AND accepted_shapes <@ ARRAY['point', 'line', 'area']::text[]);

ALTER TABLE pin
    ADD COLUMN drawn_shape geometry(Geometry, 4326)
        CHECK (drawn_shape IS NULL
               OR (GeometryType(drawn_shape) IN ('LINESTRING', 'POLYGON')
                   AND ST_IsValid(drawn_shape) AND NOT ST_IsEmpty(drawn_shape)));

CREATE INDEX pin_drawn_shape_idx ON pin USING gist (drawn_shape) WHERE drawn_shape IS NOT NULL;
