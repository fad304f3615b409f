package org.dialogkarta.place;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Gazetteer rows for tests, marked by their district so each test class removes only its own. */
final class Places {

  private Places() {}

  static void add(JdbcClient jdbc, String marker, String name, String kind, double lon, double lat) {
    jdbc.sql("""
            INSERT INTO place (name, kind, municipality, district, location)
            VALUES (:name, :kind, 'Testkommun', :marker, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))""")
        .param("name", name).param("kind", kind).param("marker", marker).param("lon", lon).param("lat", lat)
        .update();
  }

  static void removeAll(JdbcClient jdbc, String marker) {
    jdbc.sql("DELETE FROM place WHERE district = :marker").param("marker", marker).update();
  }

  static Api.Response search(Api api, String q) {
    return api.get("/api/v1/places?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
  }

  static Api.Response search(Api api, String q, String dialogue) {
    return api.get("/api/v1/places?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&dialogue="
        + URLEncoder.encode(dialogue, StandardCharsets.UTF_8));
  }

  /** The names of the answer's features, best first. */
  static List<String> names(Api.Response r) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : r.json().get("features")) {
      out.add(f.get("properties").get("name").asString());
    }
    return out;
  }
}
