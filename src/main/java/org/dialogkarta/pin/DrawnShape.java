package org.dialogkarta.pin;

import org.dialogkarta.dialogue.ShapeKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A line or an area that has passed {@link ShapeRules}: the geometry to store (repaired if it was
 * repairable) and the representative point that becomes the pin's location.
 *
 * @param repaired true when a self-intersecting area was made valid by ST_MakeValid
 */
public record DrawnShape(ShapeKind kind, Geometry geometry, Point representative, boolean repaired) {}
