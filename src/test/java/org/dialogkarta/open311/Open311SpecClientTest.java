package org.dialogkarta.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * A GeoReport v2 client written to the spec (http://wiki.open311.org/GeoReport_v2): it speaks only
 * HTTP with the spec's paths and field names, reads JSON and XML, and sends form-encoded posts.
 * The set-up (a dialogue, an administrator, a moderator) is made the way the service's own staff do.
 */
@IntegrationTest
class Open311SpecClientTest {

  private static final String BASE = "/open311/v2/";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accountRepository;
  @Autowired PasswordEncoder encoder;

  private Api api;
  private TestData.Dialogue dialogue;
  private String admin;
  private String moderator;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    TestData data = new TestData(jdbc);
    dialogue = data.openDialogue();
    data.subtag(dialogue, "safety_concern", "lighting");
    // pre-moderation: a posted request waits in the moderation queue before it is public
    jdbc.sql("UPDATE dialogue SET moderation_mode = 'pre' WHERE id = :id").param("id", dialogue.id()).update();
    StaffAccounts accounts = new StaffAccounts(accountRepository, encoder);
    admin = StaffAccounts.basic(accounts.create(StaffRole.ADMIN));
    moderator = StaffAccounts.basic(accounts.create(StaffRole.MODERATOR));
  }

  @Test
  void theServiceListNamesEachOngoingDialoguesCategoriesAndSubTagsInJsonAndXml() throws Exception {
    TestData.Dialogue planned = new TestData(jdbc).dialogue("planned", TestData.NORRKOPING_CENTRE, List.of("suggestion"));

    Api.Response r = api.get(BASE + "services.json?jurisdiction_id=norrkoping.se");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    Map<String, JsonNode> byCode = new LinkedHashMap<>();
    r.json().forEach(s -> byCode.put(s.get("service_code").asString(), s));
    JsonNode suggestion = byCode.get(dialogue.slug() + ":suggestion");
    assertThat(suggestion).isNotNull();
    assertThat(suggestion.get("service_name").asString()).isEqualTo("Förslag");
    assertThat(suggestion.get("metadata").asBoolean()).isFalse();
    assertThat(suggestion.get("type").asString()).isEqualTo("realtime");
    assertThat(suggestion.get("group").asString()).isEqualTo("Testdialog " + dialogue.slug());
    assertThat(suggestion.has("description")).isTrue();
    assertThat(suggestion.has("keywords")).isTrue();
    assertThat(byCode).containsKey(dialogue.slug() + ":safety_concern:lighting");
    assertThat(byCode.get(dialogue.slug() + ":safety_concern:lighting").get("service_name").asString())
        .isEqualTo("Trygghet – Belysning");
    assertThat(byCode.keySet()).noneMatch(code -> code.startsWith(planned.slug() + ":"));

    Document xml = xml(api.get(BASE + "services.xml").body());
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
    List<Map<String, String>> services = items(xml, "service");
    assertThat(services).anySatisfy(s -> {
      assertThat(s).containsEntry("service_code", dialogue.slug() + ":suggestion");
      assertThat(s).containsEntry("metadata", "false");
      assertThat(s).containsEntry("type", "realtime");
    });

    Api.Response definition = api.get(BASE + "services/" + dialogue.slug() + ":suggestion.json");
    assertThat(definition.status()).isEqualTo(200);
    assertThat(definition.json().get("service_code").asString()).isEqualTo(dialogue.slug() + ":suggestion");
    Api.Response unknown = api.get(BASE + "services/" + dialogue.slug() + ":nothing.json");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get(0).get("code").asInt()).isEqualTo(404);
  }

  @Test
  void aPostedRequestWaitsForModerationThenAppearsWithItsStatus() throws Exception {
    String key = newClientKey("Felanmälan Norrköping", null);

    Api.Response posted = post("json", Map.of("api_key", key, "jurisdiction_id", "norrkoping.se",
        "service_code", dialogue.slug() + ":safety_concern:lighting", "lat", "58.59", "long", "16.18",
        "description", "Trasig gatlampa vid <busshållplatsen>", "email", "anna@example.test",
        "first_name", "Anna", "phone", "0701234567"));

    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    long id = posted.json().get(0).get("service_request_id").asLong();
    assertThat(jdbc.sql("SELECT moderation_state FROM pin WHERE id = :id").param("id", id).query(String.class).single())
        .isEqualTo("pending");
    assertThat(api.get(BASE + "requests.json?service_request_id=" + id).json()).isEmpty();
    assertThat(api.get(BASE + "requests/" + id + ".json").status()).isEqualTo(404);
    Api.Response queue = staff("GET", "/api/v1/staff/moderation/queue?dialogue=" + dialogue.id(), moderator);
    assertThat(queue.body()).contains("\"id\":" + id).contains("Trasig gatlampa");
    // none of the submitter's details was kept
    assertThat(jdbc.sql("SELECT count(*) FROM pin WHERE id = :id AND text LIKE '%0701234567%'").param("id", id)
        .query(Long.class).single()).isZero();

    assertThat(staff("POST", "/api/v1/staff/moderation/pins/" + id + "/approve", moderator).status()).isLessThan(300);

    JsonNode request = api.get(BASE + "requests.json?service_request_id=" + id).json().get(0);
    assertThat(request.get("service_request_id").asLong()).isEqualTo(id);
    assertThat(request.get("status").asString()).isEqualTo("open");
    assertThat(request.get("service_code").asString()).isEqualTo(dialogue.slug() + ":safety_concern:lighting");
    assertThat(request.get("service_name").asString()).isEqualTo("Trygghet");
    assertThat(request.get("description").asString()).isEqualTo("Trasig gatlampa vid <busshållplatsen>");
    assertThat(request.get("lat").asDouble()).isEqualTo(58.59);
    assertThat(request.get("long").asDouble()).isEqualTo(16.18);
    assertThat(request.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(request.has("updated_datetime")).isTrue();
    assertThat(api.get(BASE + "requests.json?service_code=" + dialogue.slug() + ":safety_concern:lighting").json())
        .extracting(n -> n.get("service_request_id").asLong()).contains(id);
    assertThat(api.get(BASE + "requests.json?service_code=" + dialogue.slug() + ":suggestion").json())
        .extracting(n -> n.get("service_request_id").asLong()).doesNotContain(id);
    assertThat(api.get(BASE + "requests.json?start_date=2099-01-01T00:00:00Z").json()).isEmpty();

    // The municipality marks it done and answers in public: closed, with the answer as status_notes.
    jdbc.sql("UPDATE pin SET status = 'done' WHERE id = :id").param("id", id).update();
    long reply = jdbc.sql("INSERT INTO reply (author, text) VALUES ('planerare', 'Lampan är lagad.') RETURNING id")
        .query(Long.class).single();
    jdbc.sql("INSERT INTO pin_reply (pin_id, reply_id) VALUES (:p, :r)").param("p", id).param("r", reply).update();
    JsonNode closed = api.get(BASE + "requests/" + id + ".json").json().get(0);
    assertThat(closed.get("status").asString()).isEqualTo("closed");
    assertThat(closed.get("status_notes").asString()).isEqualTo("Lampan är lagad.");
    assertThat(api.get(BASE + "requests.json?status=closed&service_code=" + dialogue.slug() + ":safety_concern").json())
        .extracting(n -> n.get("service_request_id").asLong()).contains(id);
    assertThat(api.get(BASE + "requests.json?status=open&service_code=" + dialogue.slug() + ":safety_concern").json())
        .extracting(n -> n.get("service_request_id").asLong()).doesNotContain(id);

    Document xml = xml(api.get(BASE + "requests.xml?service_request_id=" + id).body());
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("service_requests");
    Map<String, String> fromXml = items(xml, "request").getFirst();
    assertThat(fromXml).containsEntry("service_request_id", String.valueOf(id)).containsEntry("status", "closed")
        .containsEntry("description", "Trasig gatlampa vid <busshållplatsen>");
  }

  @Test
  void badInputIsRefusedInTheSpecsErrorFormatAndNothingIsStored() throws Exception {
    String key = newClientKey("Appen", null);
    long before = new TestData(jdbc).pinCount(dialogue);
    String code = dialogue.slug() + ":suggestion";

    assertError(post("json", Map.of("api_key", key, "lat", "58.59", "long", "16.18", "description", "Text")), 400, "service_code");
    assertError(post("json", Map.of("api_key", key, "service_code", code, "lat", "59.33", "long", "18.06",
        "description", "I Stockholm")), 400, "lat/long");
    assertError(post("json", Map.of("api_key", key, "service_code", code, "lat", "norr", "long", "16.18",
        "description", "Text")), 400, "lat");
    assertError(post("json", Map.of("api_key", key, "service_code", code, "lat", "58.59", "long", "16.18",
        "description", "x".repeat(2001))), 400, "description");
    assertError(post("json", Map.of("api_key", key, "service_code", dialogue.slug() + ":nothing", "lat", "58.59",
        "long", "16.18", "description", "Text")), 404, "service_code");
    assertError(post("json", Map.of("api_key", "o311_not-a-key", "service_code", code, "lat", "58.59", "long", "16.18",
        "description", "Text")), 403, "api_key");
    assertError(post("json", Map.of("service_code", code, "lat", "58.59", "long", "16.18", "description", "Text")),
        403, "api_key");

    Api.Response xmlError = post("xml", Map.of("api_key", key, "lat", "58.59", "long", "16.18"));
    assertThat(xmlError.status()).isEqualTo(400);
    Document errors = xml(xmlError.body());
    assertThat(errors.getDocumentElement().getTagName()).isEqualTo("errors");
    assertThat(items(errors, "error").getFirst()).containsEntry("code", "400");

    assertThat(new TestData(jdbc).pinCount(dialogue)).isEqualTo(before);
  }

  @Test
  void aRevokedKeyIsRefusedAndEachClientHasItsOwnHourlyLimit() {
    Api.Response created = staff("POST", "/api/v1/staff/open311/clients", admin,
        "{\"name\": \"Testklient\", \"postsPerHour\": 1}");
    assertThat(created.status()).isEqualTo(201);
    String key = created.json().get("apiKey").asString();
    long clientId = created.json().get("client").get("id").asLong();
    assertThat(staff("GET", "/api/v1/staff/open311/clients", admin).body()).contains("Testklient").doesNotContain(key);
    Map<String, String> form = Map.of("api_key", key, "service_code", dialogue.slug() + ":suggestion",
        "lat", "58.59", "long", "16.18", "description", "Första");

    assertThat(post("json", form).status()).isEqualTo(201);
    assertError(post("json", form), 429, "Too many");

    assertThat(staff("POST", "/api/v1/staff/open311/clients/" + clientId + "/revoke", admin).status()).isEqualTo(200);
    assertError(post("json", form), 403, "api_key");
  }

  @Test
  void aHiddenPinIsNeverARequest() {
    String key = newClientKey("Dold", null);
    jdbc.sql("UPDATE dialogue SET moderation_mode = 'post' WHERE id = :id").param("id", dialogue.id()).update();
    long id = post("json", Map.of("api_key", key, "service_code", dialogue.slug() + ":suggestion", "lat", "58.59",
        "long", "16.18", "description", "Syns först")).json().get(0).get("service_request_id").asLong();
    assertThat(api.get(BASE + "requests/" + id + ".json").status()).isEqualTo(200);

    jdbc.sql("UPDATE pin SET moderation_state = 'hidden' WHERE id = :id").param("id", id).update();

    assertThat(api.get(BASE + "requests/" + id + ".json").status()).isEqualTo(404);
    assertThat(api.get(BASE + "requests.json?service_request_id=" + id).json()).isEmpty();
    assertThat(api.get(BASE + "requests.json").body()).doesNotContain("\"service_request_id\":" + id + ",");
  }

  private String newClientKey(String name, Integer limit) {
    Api.Response r = staff("POST", "/api/v1/staff/open311/clients", admin,
        "{\"name\": \"" + name + "\"" + (limit == null ? "" : ", \"postsPerHour\": " + limit) + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("apiKey").asString();
  }

  private Api.Response post(String format, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return api.post(BASE + "requests." + format, "application/x-www-form-urlencoded", body);
  }

  private Api.Response staff(String method, String path, String auth) {
    return staff(method, path, auth, null);
  }

  private Api.Response staff(String method, String path, String auth, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", auth)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return api.send(b);
  }

  private static void assertError(Api.Response r, int status, String mentions) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode errors = r.json();
    assertThat(errors.isArray()).isTrue();
    assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
    assertThat(errors.get(0).get("description").asString()).contains(mentions);
  }

  private static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Each {@code <item>} under the root as field name → text. */
  private static List<Map<String, String>> items(Document doc, String item) {
    List<Map<String, String>> out = new ArrayList<>();
    NodeList list = doc.getDocumentElement().getElementsByTagName(item);
    for (int i = 0; i < list.getLength(); i++) {
      Map<String, String> fields = new LinkedHashMap<>();
      NodeList children = list.item(i).getChildNodes();
      for (int j = 0; j < children.getLength(); j++) {
        if (children.item(j) instanceof Element e) {
          fields.put(e.getTagName(), e.getTextContent());
        }
      }
      out.add(fields);
    }
    return out;
  }
}
