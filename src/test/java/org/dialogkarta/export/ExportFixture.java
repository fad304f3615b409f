package org.dialogkarta.export;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.dialogkarta.support.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One dialogue with pins in every state an export must tell apart: two published pins (one at a
 * known position with Swedish letters, a reply, a department and a sub-tag; one whose text would
 * be a spreadsheet formula), and one each hidden, pending and merged into another pin, whose texts
 * must appear in no file. Also a neighbourhood around the first pin and a walk with a route.
 */
final class ExportFixture {

  static final String TEXT = "Mörk gångväg längs ån – här känns det otryggt på kvällen, så även för äldre";
  static final String FORMULA = "=HYPERLINK(\"http://example.org\", \"klicka\"), sa <b>någon</b>";
  static final String REPLY = "Vi sätter upp belysning på gång- och cykelvägen i höst.";
  static final String[] HIDDEN_TEXTS = {"DOLD-hemlig-åsikt", "VÄNTANDE-ännu-ej-granskad", "SAMMANSLAGEN-dubblett"};

  /** A position of seven decimals, new for every run, so no neighbourhood of an earlier run covers it. */
  final double lon = (161_500_000 + ThreadLocalRandom.current().nextInt(500_000)) / 1e7;
  final double lat = (585_750_000 + ThreadLocalRandom.current().nextInt(250_000)) / 1e7;
  final TestData.Dialogue dialogue;
  final long knownPin;
  final long formulaPin;
  final String neighbourhood;
  final String department;

  ExportFixture(JdbcClient jdbc) {
    TestData data = new TestData(jdbc);
    dialogue = data.openDialogue();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    neighbourhood = "Åbackarna " + tag;
    department = "Gatu- och parkförvaltningen " + tag;
    jdbc.sql("""
        INSERT INTO neighbourhood (code, name, population, boundary)
        VALUES (:code, :name, 1234, ST_Multi(ST_Expand(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 0.00005)))""")
        .param("code", "T-" + tag).param("name", neighbourhood).param("lon", lon).param("lat", lat).update();
    long dep = jdbc.sql("INSERT INTO department (name) VALUES (:n) RETURNING id").param("n", department)
        .query(Long.class).single();
    knownPin = pin(jdbc, "safety_concern", TEXT, lon, lat, "published", null);
    jdbc.sql("UPDATE pin SET subtags = '{lighting,vegetation}', department_id = :dep, status = 'forwarded',"
        + " supports = 3 WHERE id = :id").param("dep", dep).param("id", knownPin).update();
    long reply = jdbc.sql("INSERT INTO reply (author, text) VALUES ('planerare', :t) RETURNING id")
        .param("t", REPLY).query(Long.class).single();
    jdbc.sql("INSERT INTO pin_reply (pin_id, reply_id) VALUES (:p, :r)").param("p", knownPin).param("r", reply).update();
    jdbc.sql("INSERT INTO pin_note (pin_id, author, text) VALUES (:p, 'planerare', 'Intern anteckning')")
        .param("p", knownPin).update();
    formulaPin = pin(jdbc, "suggestion", FORMULA, 16.19, 58.58, "published", null);
    pin(jdbc, "suggestion", HIDDEN_TEXTS[0], 16.20, 58.60, "hidden", null);
    pin(jdbc, "suggestion", HIDDEN_TEXTS[1], 16.20, 58.60, "pending", null);
    pin(jdbc, "safety_concern", HIDDEN_TEXTS[2], lon, lat, "published", knownPin);
    jdbc.sql("""
        INSERT INTO walk (dialogue_id, kind, title, starts_at, ends_at, planned_route, facilitator)
        VALUES (:d, 'safety_walk', 'Trygghetsvandring på Östermalm', now(), now() + interval '2 hours',
                ST_GeomFromText('LINESTRING(16.15 58.58, 16.16 58.585, 16.17 58.59)', 4326), 'Hemlig Facilitatorsson')""")
        .param("d", dialogue.id()).update();
  }

  private long pin(JdbcClient jdbc, String category, String text, double lon, double lat, String state,
      Long mergedInto) {
    return jdbc.sql("""
        INSERT INTO pin (dialogue_id, location, category, text, moderation_state, merged_into, age_band, gender)
        VALUES (:d, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), :c, :t, :s, :m, '25_44', 'woman') RETURNING id""")
        .param("d", dialogue.id()).param("lon", lon).param("lat", lat).param("c", category).param("t", text)
        .param("s", state).param("m", mergedInto).query(Long.class).single();
  }

  /** Downloads with HTTP Basic into a file named like the download; returns the status and path. */
  static Download download(int port, String path, String authorization, Path dir) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofMinutes(2));
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      Path file = Files.createTempFile(dir, "export", ".bin");
      HttpResponse<Path> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofFile(file));
      return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("Content-Disposition").orElse(""), file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Download(int status, String contentType, String disposition, Path file) {
    /** The file renamed to the extension GDAL recognises the format by. */
    Path as(String extension) {
      try {
        return Files.move(file, file.resolveSibling(file.getFileName() + "." + extension));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
