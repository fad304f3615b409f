package org.dialogkarta.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.dialogkarta.support.Api;
import org.dialogkarta.support.IntegrationTest;
import org.dialogkarta.support.Problems;
import org.dialogkarta.support.StaffAccounts;
import org.dialogkarta.support.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every refusal is a 4xx naming the field at fault, and leaves nothing behind: no view, no sender, no file. */
@IntegrationTest
class RegisteredViewBadInputTest {

  private static final String TOMORROW = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(1).toString();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired StaffAccountRepository accounts;
  @Autowired PasswordEncoder encoder;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      oversized text           | 422 | text.too_long            | text
      blank text               | 422 | text.blank               | text
      unknown channel          | 422 | channel.unknown          | channel
      unknown sender type      | 422 | senderType.unknown       | senderType
      malformed date           | 422 | receivedOn.malformed     | receivedOn
      date in the future       | 422 | receivedOn.future        | receivedOn
      year the database lacks  | 422 | receivedOn.too_early     | receivedOn
      longitude out of range   | 422 | location.out_of_range    | location.coordinates
      latitude out of range    | 422 | location.out_of_range    | location.coordinates
      not a point              | 422 | location.not_point       | location.type
      bad sender e-mail        | 422 | sender.email_invalid     | sender.email
      renamed text file        | 422 | attachment.not_accepted  | attachment
      image claiming pdf       | 422 | attachment.mismatch      | attachment
      heic photo               | 415 | attachment.unsupported_format | attachment
      oversized attachment     | 413 | attachment.too_large     | attachment
      truncated png            | 422 | attachment.unreadable    | attachment
      """)
  void refusedWithTheFieldAndNothingStored(String name, int status, String code, String field) {
    TestData.Dialogue d = new TestData(jdbc).openDialogue();
    String planner = StaffAccounts.basic(new StaffAccounts(accounts, encoder).create(StaffRole.PLANNER));
    ViewClient client = new ViewClient(new Api(port));
    String sender = "{\"name\": \"Någon Avsändare\"}";
    String good = ViewClient.body("2026-10-01", "letter", "private_person", "En synpunkt", null, sender);
    String body = switch (name) {
      case "oversized text" -> ViewClient.body("2026-10-01", "letter", "private_person", "å".repeat(2001), null, sender);
      case "blank text" -> ViewClient.body("2026-10-01", "letter", "private_person", "  \n ", null, sender);
      case "unknown channel" -> ViewClient.body("2026-10-01", "fax", "private_person", "En synpunkt", null, sender);
      case "unknown sender type" -> ViewClient.body("2026-10-01", "letter", "citizen", "En synpunkt", null, sender);
      case "malformed date" -> ViewClient.body("2026-13-45", "letter", "private_person", "En synpunkt", null, sender);
      case "year the database lacks" -> ViewClient.body("-5000-01-01", "letter", "private_person", "En synpunkt", null, sender);
      case "date in the future" -> ViewClient.body(TOMORROW, "letter", "private_person", "En synpunkt", null, sender);
      case "longitude out of range" -> ViewClient.body("2026-10-01", "letter", "private_person", "En synpunkt",
          ViewClient.point(196.18, 58.59), sender);
      case "latitude out of range" -> ViewClient.body("2026-10-01", "letter", "private_person", "En synpunkt",
          ViewClient.point(16.18, -91), sender);
      case "not a point" -> ViewClient.body("2026-10-01", "letter", "private_person", "En synpunkt",
          "{\"type\": \"LineString\", \"coordinates\": [[16.18, 58.59], [16.19, 58.59]]}", sender);
      case "bad sender e-mail" -> ViewClient.body("2026-10-01", "letter", "private_person", "En synpunkt", null,
          "{\"name\": \"Någon\", \"email\": \"inte en adress\"}");
      default -> good;
    };
    ViewClient.Part file = switch (name) {
      case "renamed text file" -> ViewClient.attachment("brev.pdf", "application/pdf",
          "Hej! Det här är en textfil.\n".getBytes(StandardCharsets.UTF_8));
      case "image claiming pdf" -> ViewClient.attachment("brev.pdf", "application/pdf", RegisteredViewsTest.jpeg());
      case "heic photo" -> ViewClient.attachment("IMG_0001.jpg", "image/jpeg", heicHeader());
      case "oversized attachment" -> ViewClient.attachment("stor.pdf", "application/pdf", oversizedPdf());
      case "truncated png" -> ViewClient.attachment("karta.png", "image/png", truncatedPng());
      default -> null;
    };
    Api.Response r = file == null ? client.post(d.id(), body, planner)
        : client.postMultipart(d.id(), planner, ViewClient.view(body), file);

    Problems.assertProblem(r, status, code, field);
    assertThat(count("SELECT count(*) FROM incoming_view WHERE dialogue_id = :d", d.id())).isZero();
    assertThat(count("""
        SELECT (SELECT count(*) FROM incoming_view_sender s JOIN incoming_view v ON v.id = s.view_id
                WHERE v.dialogue_id = :d)
             + (SELECT count(*) FROM incoming_view_attachment a JOIN incoming_view v ON v.id = a.view_id
                WHERE v.dialogue_id = :d)""", d.id())).isZero();
    // The same request put right is accepted: the refusal was for the fault, not for the dialogue.
    assertThat(client.post(d.id(), good, planner).status()).isEqualTo(201);
  }

  private long count(String sql, long dialogue) {
    return jdbc.sql(sql).param("d", dialogue).query(Long.class).single();
  }

  private static byte[] oversizedPdf() {
    byte[] bytes = new byte[10 * 1024 * 1024 + 512 * 1024];
    Arrays.fill(bytes, (byte) ' ');
    byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, bytes, 0, magic.length);
    return bytes;
  }

  private static byte[] heicHeader() {
    byte[] b = new byte[64];
    byte[] box = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
    System.arraycopy(box, 0, b, 0, box.length);
    return b;
  }

  /** A PNG signature and header, then nothing: recognised as an image, but not readable. */
  private static byte[] truncatedPng() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 0, 10, 0, 0, 0, 10, 8, 2, 0, 0, 0};
  }
}
