package org.dialogkarta.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the follow tests share: a fresh dialogue, a planner and a moderator, citizens who pin through
 * the public API, and the outbox rows (what would be sent) read back by address.
 */
abstract class FollowTestSupport {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Pattern CONFIRM_LINK = Pattern.compile("/folj#bekrafta=([A-Za-z0-9_-]{43})");
  static final Pattern RECEIPT_LINK = Pattern.compile("/kvitto#([A-Za-z0-9_-]{43})");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accountRepository;
  @Autowired PasswordEncoder encoder;
  @Autowired FollowNotices notices;

  Api api;
  TestData data;
  TestData.Dialogue dialogue;
  String planner;
  String moderator;

  record Submitted(long id, String receipt) {}

  /** One row of mail_outbox. */
  record Sent(long id, String kind, String to, String language, String subject, String text, String html,
      String unsubscribeUrl) {}

  @BeforeEach
  void setUpFollow() {
    api = new Api(port);
    data = new TestData(jdbc);
    dialogue = data.openDialogue();
    StaffAccounts accounts = new StaffAccounts(accountRepository, encoder);
    planner = StaffAccounts.basic(accounts.create(StaffRole.PLANNER));
    moderator = StaffAccounts.basic(accounts.create(StaffRole.MODERATOR));
    // Every test request comes from 127.0.0.1: the per-client count starts afresh per test.
    jdbc.sql("DELETE FROM rate_count WHERE budget LIKE 'follow.%'").update();
  }

  static String address() {
    return "test-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
  }

  Submitted pin(String text) {
    return pin(text, null);
  }

  Submitted pin(String text, String receipt) {
    String body = Api.pinJson("safety_concern", text, 16.18, 58.59);
    if (receipt != null) {
      body = body.substring(0, body.lastIndexOf('}')) + ", \"receipt\": \"" + receipt + "\"}";
    }
    Api.Response r = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return new Submitted(r.json().get("id").asLong(), r.json().get("receipt").asString());
  }

  Api.Response followReceipt(String receipt, String email, String language) {
    return api.postJson("/api/v1/follow/receipt", "{\"email\": " + JSON.writeValueAsString(email)
        + ", \"language\": " + JSON.writeValueAsString(language) + "}", "X-Receipt-Token", receipt);
  }

  Api.Response confirm(String token) {
    return api.postJson("/api/v1/follow/confirm", "{\"token\": " + JSON.writeValueAsString(token) + "}");
  }

  /** Follows receipt {@code receipt} with a new address and confirms through the mailed link. */
  String followConfirmed(String receipt, String language) {
    String to = address();
    assertThat(followReceipt(receipt, to, language).status()).isEqualTo(202);
    Api.Response c = confirm(confirmToken(to));
    assertThat(c.status()).as(c.body()).isEqualTo(200);
    return to;
  }

  List<Sent> sentTo(String to) {
    return jdbc.sql("""
            SELECT id, kind, to_address, language, subject, text_body, html_body, unsubscribe_url
            FROM mail_outbox WHERE lower(to_address) = lower(:to) ORDER BY id""")
        .param("to", to)
        .query((rs, i) -> new Sent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8)))
        .list();
  }

  List<Sent> sentTo(String to, String kind) {
    return sentTo(to).stream().filter(s -> s.kind().equals(kind)).toList();
  }

  /** The token of the latest confirmation link mailed to {@code to}. */
  String confirmToken(String to) {
    List<Sent> confirms = sentTo(to, "follow_confirm");
    assertThat(confirms).as("a confirmation to " + to).isNotEmpty();
    Matcher m = CONFIRM_LINK.matcher(confirms.getLast().text());
    assertThat(m.find()).as(confirms.getLast().text()).isTrue();
    return m.group(1);
  }

  Api.Response staffPost(String who, String path, String json) {
    return api.postJson(path, json, "Authorization", who);
  }

  Api.Response status(long pinId, String status) {
    Api.Response r = staffPost(planner, "/api/v1/staff/pins/" + pinId + "/status", "{\"status\": \"" + status + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  Api.Response getRaw(String path) {
    return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).GET());
  }
}
