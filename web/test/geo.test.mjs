// geo.js: is a place inside the study area, the outer rings for Leaflet, coordinate rounding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inStudyArea, outerRingsLatLng, roundCoord } from '../js/geo.js';

// GeoJSON is [lon, lat]. A square around central Gothenburg with a hole over the river (Göta älv),
// and a separate square over central Malmö.
const gothenburg = [[11.90, 57.68], [12.02, 57.68], [12.02, 57.73], [11.90, 57.73], [11.90, 57.68]];
const river = [[11.94, 57.70], [11.98, 57.70], [11.98, 57.72], [11.94, 57.72], [11.94, 57.70]];
const malmo = [[12.96, 55.58], [13.04, 55.58], [13.04, 55.62], [12.96, 55.62], [12.96, 55.58]];

const polygon = { type: 'Polygon', coordinates: [gothenburg, river] };
const multi = { type: 'MultiPolygon', coordinates: [[gothenburg, river], [malmo]] };

test('a place inside the outer ring and outside the hole is in the area', () => {
  assert.equal(inStudyArea(polygon, 11.9746, 57.6872), true); // Götaplatsen
  assert.equal(inStudyArea(polygon, 12.01, 57.725), true);
});

test('a place in a hole is not in the area', () => {
  assert.equal(inStudyArea(polygon, 11.96, 57.71), false);
});

test('a place outside the outer ring is not in the area', () => {
  assert.equal(inStudyArea(polygon, 18.0686, 59.3293), false); // Stockholm
  assert.equal(inStudyArea(polygon, 11.96, 57.75), false); // just north of it
  assert.equal(inStudyArea(polygon, 11.89, 57.70), false); // just west of it
});

test('the ring order [lon, lat] matters: swapped coordinates fall outside', () => {
  assert.equal(inStudyArea(polygon, 57.6872, 11.9746), false);
});

test('a MultiPolygon takes any of its parts, each with its own holes', () => {
  assert.equal(inStudyArea(multi, 13.0, 55.6), true); // Malmö part
  assert.equal(inStudyArea(multi, 11.9746, 57.6872), true); // Gothenburg part
  assert.equal(inStudyArea(multi, 11.96, 57.71), false); // Gothenburg's hole
  assert.equal(inStudyArea(multi, 12.5, 56.5), false); // between the parts (Halland)
});

test('a ring that is not a rectangle: a triangle excludes the corner cut off', () => {
  const triangle = { type: 'Polygon', coordinates: [[[17.0, 59.0], [18.0, 59.0], [17.0, 60.0], [17.0, 59.0]]] };
  assert.equal(inStudyArea(triangle, 17.2, 59.2), true);
  assert.equal(inStudyArea(triangle, 17.8, 59.8), false); // inside the bounding box, past the diagonal
});

test('no area, or a geometry that is no polygon, means anywhere', () => {
  assert.equal(inStudyArea(null, 11.97, 57.69), true);
  assert.equal(inStudyArea(undefined, 0, 0), true);
  assert.equal(inStudyArea({ type: 'Point', coordinates: [11.97, 57.69] }, 18.0, 59.3), true);
});

test('outer rings come back as Leaflet [lat, lon], holes left out', () => {
  const rings = outerRingsLatLng(multi);
  assert.equal(rings.length, 2);
  assert.deepEqual(rings[0][0], [57.68, 11.90]);
  assert.deepEqual(rings[0][2], [57.73, 12.02]);
  assert.equal(rings[0].length, gothenburg.length);
  assert.deepEqual(rings[1][1], [55.58, 13.04]);
});

test('outer rings of no area is an empty list', () => {
  assert.deepEqual(outerRingsLatLng(null), []);
  assert.deepEqual(outerRingsLatLng({ type: 'LineString', coordinates: [[1, 2], [3, 4]] }), []);
});

test('coordinates are rounded to six decimals (about 10 cm)', () => {
  assert.equal(roundCoord(11.97461234), 11.974612);
  assert.equal(roundCoord(57.68720051), 57.687201);
  assert.equal(roundCoord(57.68720049), 57.6872);
  assert.equal(roundCoord(18), 18);
});
