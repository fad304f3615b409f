package org.dialogkarta.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With the public URL configured, every OGC link points there, not at whatever host the request
 * named: a client cannot make the service hand out links to another site.
 */
@IntegrationTest
@TestPropertySource(properties = "dialogkarta.public-url=https://karta.example.se/dialog/")
class OgcPublicUrlTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void linksStartWithTheConfiguredPublicUrl() {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    jdbc.sql("""
            INSERT INTO pin (dialogue_id, location, category, text)
            SELECT :d, ST_SetSRID(ST_MakePoint(16.18, 58.59), 4326), 'suggestion', 'p' || g FROM generate_series(1, 3) g""")
        .param("d", d.id()).update();
    Api api = new Api(port);
    JsonNode landing = api.get("/ogc").json();
    assertThat(landing.get("links")).allSatisfy(l ->
        assertThat(l.get("href").asString()).startsWith("https://karta.example.se/dialog/ogc"));
    JsonNode items = api.get("/ogc/collections/pins-" + d.slug() + "/items?limit=1").json();
    assertThat(items.get("links")).isNotEmpty().allSatisfy(l ->
        assertThat(l.get("href").asString()).startsWith("https://karta.example.se/dialog/ogc/collections/pins-"));
    assertThat(items.toString()).doesNotContain("localhost").doesNotContain("127.0.0.1");
  }
}
