package org.dialogkarta.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** How Jakarta Mail's failures are read: a refused recipient, a server away, anything else. */
class SmtpMailerClassifyTest {

  @Test
  void aRecipientAmongTheInvalidAddressesIsRefusedForGood() throws Exception {
    SendFailedException refused = new SendFailedException("Invalid Addresses",
        new MessagingException("550 5.1.1 <Anna@Example.test>: mailbox unavailable"),
        new Address[0], new Address[0], new Address[] {new InternetAddress("Anna@Example.test")});
    MailSendException wrapped = new MailSendException(Map.of(new Object(), refused));

    SmtpMailer.Outcome outcome = SmtpMailer.classify(wrapped, "anna@example.test");

    assertThat(outcome).isInstanceOf(SmtpMailer.Outcome.Refused.class);
    assertThat(((SmtpMailer.Outcome.Refused) outcome).error()).contains("550 5.1.1");
  }

  @Test
  void aRecipientOnlyNotYetSentIsATransientFailure() throws Exception {
    SendFailedException later = new SendFailedException("Invalid Addresses",
        new MessagingException("452 4.2.2 mailbox full"),
        new Address[0], new Address[] {new InternetAddress("anna@example.test")}, new Address[0]);

    SmtpMailer.Outcome outcome = SmtpMailer.classify(later, "anna@example.test");

    assertThat(outcome).isEqualTo(new SmtpMailer.Outcome.Failed("MessagingException: 452 4.2.2 mailbox full", false));
  }

  @Test
  void noConnectionIsAFailureOfTheServerNotOfTheMessage() {
    MessagingException connect = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
    MailSendException wrapped = new MailSendException("Mail server connection failed", connect);

    SmtpMailer.Outcome outcome = SmtpMailer.classify(wrapped, "anna@example.test");

    assertThat(outcome).isInstanceOf(SmtpMailer.Outcome.Failed.class);
    assertThat(((SmtpMailer.Outcome.Failed) outcome).unreachable()).isTrue();
  }
}
