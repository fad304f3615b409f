package org.dialogkarta.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A pin forwarded to a department with a contact address, and the answer link its message holds. */
final class SvarLink {

  private static final Pattern LINK = Pattern.compile("/svar#([A-Za-z0-9_-]{43})");

  private SvarLink() {}

  /** Forwards a new pin of {@code dialogue} as {@code planner}; returns "/svar#token". */
  static String forwarded(int port, JdbcClient jdbc, TestData.Dialogue dialogue, String planner) {
    return forwarded(port, jdbc, dialogue, planner, "Bostadsbolaget");
  }

  /** The same, to a new department whose name starts with {@code name}. */
  static String forwarded(int port, JdbcClient jdbc, TestData.Dialogue dialogue, String planner, String name) {
    Api api = new Api(port);
    Api.Response submitted = api.postJson("/api/v1/dialogues/" + dialogue.slug() + "/pins",
        Api.pinJson("safety_concern", "Porten till gården går inte att stänga", 16.18, 58.59),
        "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    long pin = submitted.json().get("id").asLong();
    String address = "svar-" + UUID.randomUUID().toString().substring(0, 8) + "@bostad.example.se";
    long department = jdbc.sql("INSERT INTO department (name, kind) VALUES (:n, 'external') RETURNING id")
        .param("n", name + " " + UUID.randomUUID().toString().substring(0, 6)).query(Long.class).single();
    jdbc.sql("INSERT INTO department_contact (department_id, address) VALUES (:d, :a)")
        .param("d", department).param("a", address).update();
    Api.Response forwarded = api.postJson("/api/v1/staff/pins/" + pin + "/status",
        "{\"status\": \"forwarded\", \"departmentId\": " + department + "}", "Authorization", StaffAccounts.basic(planner));
    assertThat(forwarded.status()).as(forwarded.body()).isBetween(200, 201);
    String text = jdbc.sql("SELECT text_body FROM mail_outbox WHERE to_address = :a AND kind = 'forward'")
        .param("a", address).query(String.class).single();
    Matcher link = LINK.matcher(text);
    assertThat(link.find()).as(text).isTrue();
    return "/svar#" + link.group(1);
  }
}
