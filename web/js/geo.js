// Small geometry helpers on GeoJSON (RFC 7946: [lon, lat]). Leaflet's [lat, lon] order is made
// only where a Leaflet call needs it (map.js), so everything else speaks GeoJSON.

function inRing(ring, lon, lat) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygons(geometry) {
  if (!geometry) return null;
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return null;
}

/**
 * Whether a place lies in the study area: inside an outer ring and in none of its holes.
 * No area (or a shape we do not know) means "anywhere"; the server checks again in any case.
 */
export function inStudyArea(geometry, lon, lat) {
  const polys = polygons(geometry);
  if (!polys) return true;
  return polys.some(([outer, ...holes]) => inRing(outer, lon, lat) && !holes.some((hole) => inRing(hole, lon, lat)));
}

/** Outer rings as Leaflet [lat, lon] lists, for the grey mask outside the area. */
export function outerRingsLatLng(geometry) {
  return (polygons(geometry) || []).map(([outer]) => outer.map(([lon, lat]) => [lat, lon]));
}

/** Six decimals is about 10 cm: enough for a place, and no false precision on the wire. */
export function roundCoord(value) {
  return Math.round(value * 1e6) / 1e6;
}
