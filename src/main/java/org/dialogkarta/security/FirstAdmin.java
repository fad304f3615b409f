package org.dialogkarta.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator on a fresh installation, from {@code DIALOGKARTA_ADMIN_USERNAME}
 * and {@code DIALOGKARTA_ADMIN_PASSWORD} (or the same as command-line options). Does nothing once
 * any enabled administrator exists, so the settings can be removed after the first start.
 */
@Component
class FirstAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final StaffAccountRepository accounts;
  private final PasswordEncoder encoder;
  private final String username;
  private final String password;

  FirstAdmin(StaffAccountRepository accounts, PasswordEncoder encoder,
      @Value("${dialogkarta.admin.username:}") String username,
      @Value("${dialogkarta.admin.password:}") String password) {
    this.accounts = accounts;
    this.encoder = encoder;
    this.username = username.strip().toLowerCase();
    this.password = password;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (accounts.anyEnabledAdmin()) {
      return;
    }
    if (username.isEmpty() || password.isEmpty()) {
      log.warn("No administrator yet: set DIALOGKARTA_ADMIN_USERNAME and DIALOGKARTA_ADMIN_PASSWORD to create one");
      return;
    }
    PasswordPolicy.check(password);
    accounts.save(new StaffAccount(username, username, encoder.encode(password), List.of(StaffRole.ADMIN)));
    log.info("Created the first administrator '{}'", username);
  }
}
