// The study area of a dialogue as the administration page holds it: a list of parts, each the
// coordinates of a GeoJSON Polygon ([lon, lat] rings, the outline first, then any holes). Parts
// come from the map (drawn) or from a GeoJSON file read in the browser. The server checks the
// area again (StudyAreaReader): a self-crossing outline is refused there, with where it crosses.

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A local fault with a bundle key (admin.area.file.*) and the values for its placeholders. */
export class AreaFileError extends Error {
  constructor(key, vars) {
    super(key);
    this.key = key;
    this.vars = vars;
  }
}

/** The parts of a geometry, Feature, FeatureCollection or GeometryCollection, and what else it held. */
export function partsOf(geojson) {
  const parts = [];
  const others = new Set();
  const walk = (g) => {
    if (!g || typeof g !== 'object') return;
    switch (g.type) {
      case 'FeatureCollection': (Array.isArray(g.features) ? g.features : []).forEach(walk); break;
      case 'Feature': if (g.geometry) walk(g.geometry); break;
      case 'GeometryCollection': (Array.isArray(g.geometries) ? g.geometries : []).forEach(walk); break;
      case 'Polygon': if (Array.isArray(g.coordinates) && g.coordinates.length) parts.push(g.coordinates); break;
      case 'MultiPolygon': (Array.isArray(g.coordinates) ? g.coordinates : []).forEach((p) => { if (Array.isArray(p) && p.length) parts.push(p); }); break;
      default: others.add(String(g.type));
    }
  };
  walk(geojson);
  return { parts, others: [...others] };
}

/** What goes to the server for these parts: nothing, a Polygon, or a MultiPolygon. */
export function geometryOf(parts) {
  if (!parts.length) return null;
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0] };
  return { type: 'MultiPolygon', coordinates: parts };
}

/** The first position that cannot be WGS84 longitude/latitude (a file in SWEREF 99, say), or null. */
export function firstOutOfRange(parts) {
  for (const polygon of parts) {
    for (const ring of polygon) {
      for (const pos of Array.isArray(ring) ? ring : []) {
        const [lon, lat] = Array.isArray(pos) ? pos : [];
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return pos;
      }
    }
  }
  return null;
}

export function cornerCount(parts) {
  return parts.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + Math.max(0, (ring?.length || 1) - 1), 0), 0);
}

/**
 * Reads an uploaded file into { raw, parts }: raw is the file's GeoJSON as it was (sent to the
 * server as it is, so that the server judges what the planner uploaded), parts is for the map.
 * Faults the browser can see at once are thrown as AreaFileError.
 */
export async function readAreaFile(file) {
  if (file.size > MAX_FILE_BYTES) throw new AreaFileError('admin.area.file.tooLarge', { mb: String(MAX_FILE_BYTES / 1024 / 1024) });
  let text;
  try {
    text = await file.text();
  } catch {
    throw new AreaFileError('admin.area.file.unreadable');
  }
  let raw;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AreaFileError('admin.area.file.notJson');
  }
  const { parts, others } = partsOf(raw);
  if (others.length) throw new AreaFileError('admin.area.file.notPolygons', { types: others.join(', ') });
  if (!parts.length) throw new AreaFileError('admin.area.file.noPolygons');
  const bad = firstOutOfRange(parts);
  if (bad) throw new AreaFileError('admin.area.file.notWgs84', { position: JSON.stringify(bad).slice(0, 60) });
  if (raw.crs?.properties?.name && !/4326|CRS84/i.test(String(raw.crs.properties.name))) {
    throw new AreaFileError('admin.area.file.notWgs84', { position: String(raw.crs.properties.name).slice(0, 60) });
  }
  return { raw, parts };
}

/** Where the server says the area goes wrong ("... near 16.123456, 58.123456"), as {lon, lat}. */
export function problemPoint(message) {
  const m = /near (-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?)/.exec(String(message || ''));
  return m ? { lon: Number(m[1]), lat: Number(m[2]) } : null;
}
