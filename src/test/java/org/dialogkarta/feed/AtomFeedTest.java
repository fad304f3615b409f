package org.dialogkarta.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feeds, read with a real XML parser as a feed reader would. */
@IntegrationTest
class AtomFeedTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String SCRIPT = "<script>alert(\"x\")</script> & Åsa's ]]> gata";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Api api;
  private TestData.Dialogue dialogue;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    dialogue = new TestData(jdbc).openDialogue();
  }

  @Test
  void aDialoguesFeedHasItsPublishedPinsRepliesAndStatusChangesButNeverAHiddenOne() throws Exception {
    long shown = pin(SCRIPT);
    long hidden = pin("Dold text som aldrig får synas");
    long pending = pin("Väntande text som inte är granskad");
    jdbc.sql("UPDATE pin SET moderation_state = 'hidden' WHERE id = :id").param("id", hidden).update();
    jdbc.sql("UPDATE pin SET moderation_state = 'pending' WHERE id = :id").param("id", pending).update();
    long reply = jdbc.sql("INSERT INTO reply (author, text) VALUES ('planerare', 'Tack, vi tittar på det.') RETURNING id")
        .query(Long.class).single();
    jdbc.sql("INSERT INTO pin_reply (pin_id, reply_id) VALUES (:p, :r)").param("p", shown).param("r", reply).update();
    jdbc.sql("INSERT INTO pin_reply (pin_id, reply_id) VALUES (:p, :r)").param("p", hidden).param("r", reply).update();
    jdbc.sql("""
            INSERT INTO pin_event (pin_id, actor, kind, from_value, to_value, public)
            VALUES (:p, 'planerare', 'status', 'received', 'planned', true),
                   (:p, 'planerare', 'status', 'planned', 'in_review', false),
                   (:h, 'planerare', 'status', 'received', 'done', true)""")
        .param("p", shown).param("h", hidden).update();

    Api.Response r = api.get("/feeds/dialogues/" + dialogue.slug() + ".atom");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/atom+xml");
    assertThat(r.body()).contains("&lt;script&gt;").doesNotContain("<script>");
    Document feed = parse(r.body());
    Element root = feed.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(child(root, "title").getTextContent()).isEqualTo("Testdialog " + dialogue.slug());
    List<Element> entries = elements(root, "entry");
    assertThat(entries).extracting(e -> child(e, "id").getTextContent())
        .containsExactlyInAnyOrder("tag:dialogkarta,2026:pin:" + shown, "tag:dialogkarta,2026:reply:" + reply,
            lastStatusEventId(shown));
    Element pinEntry = entries.stream().filter(e -> child(e, "id").getTextContent().endsWith(":pin:" + shown))
        .findFirst().orElseThrow();
    assertThat(child(pinEntry, "content").getTextContent()).isEqualTo(SCRIPT);
    assertThat(child(pinEntry, "link").getAttribute("href"))
        .isEqualTo(api.base() + "/dialoger/" + dialogue.slug() + "?pin=" + shown);
    assertThat(child(pinEntry, "title").getTextContent()).isEqualTo("Förslag: ny synpunkt #" + shown);
    assertThat(r.body()).doesNotContain("Dold text").doesNotContain("Väntande text")
        .doesNotContain("?pin=" + hidden).doesNotContain("?pin=" + pending);
    assertThat(r.body()).contains("från Mottagen till Åtgärd planerad").doesNotContain("Under handläggning");

    assertThat(api.get("/feeds/dialogues/finns-inte.atom").status()).isEqualTo(404);
  }

  @Test
  void aNeighbourhoodsFeedHasThePublishedPinsInsideIt() throws Exception {
    long inside = pin("Inne i stadsdelen");
    long hood = jdbc.sql("""
            INSERT INTO neighbourhood (code, name, boundary)
            VALUES (:code, 'Östra <Innerstaden>', ST_Multi(ST_GeomFromText('POLYGON((16.17 58.58, 16.19 58.58, 16.19 58.60, 16.17 58.60, 16.17 58.58))', 4326)))
            RETURNING id""").param("code", "feed-" + dialogue.slug()).query(Long.class).single();
    long far = pinAt("Utanför stadsdelen", 16.15, 58.575);

    Api.Response r = api.get("/feeds/neighbourhoods/" + hood + ".atom?lang=en");

    assertThat(r.status()).isEqualTo(200);
    Document feed = parse(r.body());
    assertThat(child(feed.getDocumentElement(), "title").getTextContent()).isEqualTo("Comments in Östra <Innerstaden>");
    assertThat(elements(feed.getDocumentElement(), "entry")).extracting(e -> child(e, "id").getTextContent())
        .contains("tag:dialogkarta,2026:pin:" + inside)
        .doesNotContain("tag:dialogkarta,2026:pin:" + far);
    assertThat(api.get("/feeds/neighbourhoods/999999999.atom").status()).isEqualTo(404);
  }

  @Test
  void theDialoguePageNamesItsFeed() {
    String html = api.get("/dialoger/" + dialogue.slug()).body();
    assertThat(html).contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/dialogues/"
        + dialogue.slug() + ".atom\"");
  }

  private String lastStatusEventId(long pin) {
    long id = jdbc.sql("SELECT id FROM pin_event WHERE pin_id = :p AND kind = 'status' AND public").param("p", pin)
        .query(Long.class).single();
    return "tag:dialogkarta,2026:status:" + id;
  }

  private long pin(String text) {
    return pinAt(text, 16.18, 58.59);
  }

  private long pinAt(String text, double lon, double lat) {
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.id() + "/pins", Api.pinJson("suggestion", text, lon, lat));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element child(Element parent, String name) {
    NodeList list = parent.getElementsByTagNameNS(ATOM, name);
    for (int i = 0; i < list.getLength(); i++) {
      if (list.item(i).getParentNode() == parent) {
        return (Element) list.item(i);
      }
    }
    throw new AssertionError("No <" + name + "> in <" + parent.getLocalName() + ">");
  }

  private static List<Element> elements(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList list = parent.getElementsByTagNameNS(ATOM, name);
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }
}
