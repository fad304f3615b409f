package org.dialogkarta.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.dialogkarta.security.StaffAccount;
import org.dialogkarta.security.StaffAccountRepository;
import org.dialogkarta.security.StaffRole;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Makes staff accounts for tests, each with a unique name and a known password. */
public final class StaffAccounts {

  public static final String PASSWORD = "korrekt-häst-batteri-häftklammer";

  private final StaffAccountRepository accounts;
  private final PasswordEncoder encoder;

  public StaffAccounts(StaffAccountRepository accounts, PasswordEncoder encoder) {
    this.accounts = accounts;
    this.encoder = encoder;
  }

  /** A new account with the given role; returns its username. */
  public String create(StaffRole role) {
    String username = role.code() + "-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.save(new StaffAccount(username, "Test " + role.code(), encoder.encode(PASSWORD), List.of(role)));
    return username;
  }

  /** The HTTP Basic header for an account made here. */
  public static String basic(String username) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
