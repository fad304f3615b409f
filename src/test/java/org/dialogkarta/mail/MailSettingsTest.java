package org.dialogkarta.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

  private static final MailSettings.Smtp NONE = new MailSettings.Smtp("", 25, "", "", "", false);

  @Test
  void theWaitDoublesFromTheBaseUpToTheCap() {
    MailSettings s = new MailSettings(NONE, 20, 8, Duration.ofMinutes(1), Duration.ofMinutes(10));
    assertThat(s.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.backoffAfter(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(s.backoffAfter(5)).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.backoffAfter(60)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aHostWithoutFromAddressIsRefusedAtStart() {
    assertThatThrownBy(() -> new MailSettings(new MailSettings.Smtp("smtp.kommun.example", 587, "", "", " ", true),
        20, 8, Duration.ofMinutes(1), Duration.ofHours(6))).hasMessageContaining("DIALOGKARTA_SMTP_FROM");
  }
}
