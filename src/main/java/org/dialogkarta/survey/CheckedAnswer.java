package org.dialogkarta.survey;

import org.locationtech.jts.geom.Geometry;

/**
 * An answer that passed {@link AnswerRules}: the question version it answers, its value as JSON
 * text (normalised: cleaned text, codes, a number or a GeoJSON geometry) and, for a map answer,
 * the geometry. {@code field} names it in a later fault (the map checks in PostGIS).
 */
record CheckedAnswer(Question question, String field, String valueJson, Geometry geometry) {}
