package org.dialogkarta.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class DepartmentTest {

  @LocalServerPort int port;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @Test
  void adminsKeepTheListAndEveryStaffMemberReadsIt() {
    Api api = new Api(port);
    StaffAccounts staff = new StaffAccounts(accounts, encoder);
    String admin = StaffAccounts.basic(staff.create(StaffRole.ADMIN));
    String moderator = StaffAccounts.basic(staff.create(StaffRole.MODERATOR));
    String name = "Bostadsbolaget " + UUID.randomUUID().toString().substring(0, 6);

    Api.Response created = api.postJson("/api/v1/staff/departments", "{\"name\": \"" + name + "\", \"kind\": \"external\"}",
        "Authorization", admin);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(api.postJson("/api/v1/staff/departments", "{\"name\": \"" + name.toUpperCase() + "\", \"kind\": \"internal\"}",
        "Authorization", admin).status()).isEqualTo(409);
    assertThat(api.postJson("/api/v1/staff/departments", "{\"name\": \" \", \"kind\": \"council\"}", "Authorization", admin)
        .json().get("errors")).hasSize(2);

    Api.Response disabled = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/departments/" + id))
        .header("Authorization", admin).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")));
    assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
    assertThat(disabled.json().get("name").asString()).isEqualTo(name);

    Api.Response read = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/staff/departments"))
        .header("Authorization", moderator).GET());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).contains(name);
    assertThat(api.postJson("/api/v1/staff/departments", "{\"name\": \"Polisen\", \"kind\": \"external\"}",
        "Authorization", moderator).status()).isEqualTo(403);
  }
}
