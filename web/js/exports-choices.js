// What the export page offers: the layers, the formats (and which of them hold several layers
// or are always WGS84), and the CRSs the server allows (geo names, so not translated).
export const LAYERS = ['pins', 'pin_lines', 'pin_areas', 'clusters', 'hotspots', 'neighbourhoods', 'study_areas',
  'walk_routes', 'walk_tracks', 'answers', 'answer_places']; // the last two: survey (answers: GeoPackage or CSV only)

export const FORMATS = [
  { code: 'gpkg', multiLayer: true },
  { code: 'shp.zip' },
  { code: 'geojson', wgs84: true },
  { code: 'kml', wgs84: true },
  { code: 'csv' },
  { code: 'excel.csv' },
];

export const CRS = [
  ['EPSG:3006', 'SWEREF 99 TM'],
  ['EPSG:3007', 'SWEREF 99 12 00'], ['EPSG:3008', 'SWEREF 99 13 30'], ['EPSG:3009', 'SWEREF 99 15 00'],
  ['EPSG:3010', 'SWEREF 99 16 30'], ['EPSG:3011', 'SWEREF 99 18 00'], ['EPSG:3012', 'SWEREF 99 14 15'],
  ['EPSG:3013', 'SWEREF 99 15 45'], ['EPSG:3014', 'SWEREF 99 17 15'], ['EPSG:3015', 'SWEREF 99 18 45'],
  ['EPSG:3016', 'SWEREF 99 20 15'], ['EPSG:3017', 'SWEREF 99 21 45'], ['EPSG:3018', 'SWEREF 99 23 15'],
  ['EPSG:3021', 'RT90 2.5 gon V'], ['EPSG:4326', 'WGS 84'], ['EPSG:3857', 'Web Mercator'],
];

export const format = (code) => FORMATS.find((f) => f.code === code) || FORMATS[0];
