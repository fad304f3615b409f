package org.dialogkarta.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The rules without a database: cleaning, the sender kept only when something of it is left, every fault at once. */
class ViewRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  @Test
  void aViewIsCleanedAndABlankSenderIsNoSender() {
    CheckedView v = ViewRules.check(new ViewDraft("2026-12-04", "remiss", "authority", "  Remissvar\r\n från Trafikverket \u0000 ",
        new ViewDraft.Location("Point", List.of(16.18, 58.59)), new ViewDraft.Sender(" ", "", null, "  "), null), TODAY);
    assertThat(v.text()).isEqualTo("Remissvar\n från Trafikverket");
    assertThat(v.channel()).isEqualTo(Channel.REMISS);
    assertThat(v.senderType()).isEqualTo(SenderType.AUTHORITY);
    assertThat(v.location().getX()).isEqualTo(16.18);
    assertThat(v.location().getSRID()).isEqualTo(4326);
    assertThat(v.sender()).isNull();
  }

  @Test
  void theSenderKeepsWhatWasGiven() {
    CheckedView v = ViewRules.check(new ViewDraft("2026-01-02", "letter", "private_person", "Brev", null,
        new ViewDraft.Sender(" Astrid ", null, "astrid@example.se", null), null), TODAY);
    assertThat(v.sender()).isEqualTo(new ViewDraft.Sender("Astrid", null, "astrid@example.se", null));
    assertThat(v.location()).as("no place: the whole area").isNull();
  }

  @Test
  void everyFaultIsReportedAtOnce() {
    assertThatThrownBy(() -> ViewRules.check(new ViewDraft("2026-12-05", "fax", null, "",
        new ViewDraft.Location("Point", List.of("16.18", 58.59)),
        new ViewDraft.Sender("Två\nrader", null, "astrid", "x".repeat(201)), null), TODAY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::field, FieldViolation::code)
            .containsExactly(
                tuple("receivedOn", "receivedOn.future"),
                tuple("channel", "channel.unknown"),
                tuple("senderType", "senderType.missing"),
                tuple("text", "text.blank"),
                tuple("location.coordinates", "location.malformed"),
                tuple("sender.name", "sender.too_long"),
                tuple("sender.email", "sender.email_invalid"),
                tuple("sender.organisation", "sender.too_long")));
  }

  @Test
  void anAttachmentsNameLosesItsPathAndKeepsItsEnd() {
    assertThat(AttachmentCheck.fileName("C:\\Skannat\\brev 1.pdf")).isEqualTo("brev 1.pdf");
    assertThat(AttachmentCheck.fileName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(AttachmentCheck.fileName("\u0007")).isEqualTo("bilaga");
    String longName = "ä".repeat(250) + ".pdf";
    assertThat(AttachmentCheck.fileName(longName)).hasSize(200).endsWith(".pdf");
  }
}
