package org.dialogkarta.demo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's gazetteer ({@code demo/gazetteer.tsv}): the rural dialogue's villages, the demo
 * town's streets, squares and a few addresses, and the districts of the demo municipality at a
 * point inside each, so that "skarblacka" or "Storgatan 12" finds something after {@code make run}.
 * Loaded only into an empty gazetteer: a municipality's own import is never mixed with the demo's.
 */
final class DemoGazetteer {

  static final String MUNICIPALITY = "Norrköping";

  record Entry(String name, String kind, String district, double lon, double lat) {}

  private DemoGazetteer() {}

  static List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (String[] f : DemoMunicipality.readTsv("/demo/gazetteer.tsv", 5)) {
      out.add(new Entry(f[0], f[1], f[2].equals("-") ? null : f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4])));
    }
    for (DemoMunicipality.Neighbourhood n : DemoMunicipality.neighbourhoods()) {
      Point inside = n.boundary().getInteriorPoint();
      out.add(new Entry(n.name(), "district", null, inside.getX(), inside.getY()));
    }
    return out;
  }

  /** Adds the demo's places when the gazetteer is empty; returns how many were added. */
  static int addIfEmpty(JdbcClient jdbc) {
    if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM place)").query(Boolean.class).single()) {
      return 0;
    }
    List<Entry> entries = entries();
    for (Entry e : entries) {
      jdbc.sql("""
              INSERT INTO place (name, kind, municipality, district, location, source)
              VALUES (:name, :kind, :municipality, :district, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'demo')""")
          .param("name", e.name()).param("kind", e.kind()).param("municipality", MUNICIPALITY)
          .param("district", e.district()).param("lon", e.lon()).param("lat", e.lat())
          .update();
    }
    return entries.size();
  }
}
