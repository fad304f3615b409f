package org.dialogkarta.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators create staff accounts, change their roles, disable them, and reset passwords. */
@RestController
@Transactional
class AccountController {

  /** {@code sso}: {@code linked}, {@code pending} (linked at the next sign-in) or {@code none}. */
  record AccountView(long id, String username, String displayName, List<StaffRole> roles, boolean enabled,
      boolean localPassword, String sso, Instant createdAt) {
    static AccountView of(StaffAccount a) {
      return new AccountView(a.id(), a.username(), a.displayName(), a.roles(), a.enabled(),
          a.passwordHash() != null, a.ssoLinked() ? "linked" : a.ssoLinkPending() ? "pending" : "none", a.createdAt());
    }
  }

  /** A new account; {@code password} may be left out for single-sign-on-only accounts. */
  record NewAccount(String username, String displayName, String password, List<String> roles) {}

  /** A change; every field may be left out. */
  /** {@code sso}: {@code link_next} to link the next provider user with this username, {@code none} to unlink. */
  record AccountChange(List<String> roles, Boolean enabled, String password, String sso) {}

  private final StaffAccountRepository accounts;
  private final PasswordEncoder encoder;
  private final AuditLog audit;

  AccountController(StaffAccountRepository accounts, PasswordEncoder encoder, AuditLog audit) {
    this.accounts = accounts;
    this.encoder = encoder;
    this.audit = audit;
  }

  @GetMapping("/api/v1/staff/accounts")
  List<AccountView> list() {
    return accounts.findAll().stream().map(AccountView::of).toList();
  }

  @PostMapping("/api/v1/staff/accounts")
  @ResponseStatus(HttpStatus.CREATED)
  AccountView create(@RequestBody NewAccount body) {
    List<FieldViolation> faults = new ArrayList<>();
    String username = body.username() == null ? "" : body.username().strip().toLowerCase();
    if (!username.matches("[a-z0-9][a-z0-9._@-]{1,63}")) {
      faults.add(FieldViolation.of("username", "username.invalid",
          "2–64 characters: lower-case letters, digits and . _ @ -"));
    }
    String displayName = body.displayName() == null || body.displayName().isBlank() ? username : body.displayName().strip();
    List<StaffRole> roles = roles(body.roles(), faults);
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    if (body.password() != null) {
      PasswordPolicy.check(body.password());
    }
    if (accounts.findByUsername(username).isPresent()) {
      throw new ConflictException("username.taken", "There is already an account '" + username + "'");
    }
    StaffAccount account = accounts.save(new StaffAccount(username, displayName,
        body.password() == null ? null : encoder.encode(body.password()), roles));
    audit.record("account.create", "staff_account", account.id(), null, AccountView.of(account));
    return AccountView.of(account);
  }

  @PatchMapping("/api/v1/staff/accounts/{id}")
  AccountView change(@PathVariable long id, @RequestBody AccountChange body) {
    StaffAccount account = accounts.findById(id).orElseThrow(() -> new NotFoundException("No account " + id));
    AccountView before = AccountView.of(account);
    List<FieldViolation> faults = new ArrayList<>();
    Optional<List<StaffRole>> roles = Optional.ofNullable(body.roles()).map(r -> roles(r, faults));
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    roles.ifPresent(account::changeRoles);
    Optional.ofNullable(body.enabled()).ifPresent(account::setEnabled);
    if (body.password() != null) {
      PasswordPolicy.check(body.password());
      account.changePassword(encoder.encode(body.password()));
    }
    if (roles.isPresent() || body.enabled() != null || body.password() != null) {
      account.endSessions();
    }
    if ("link_next".equals(body.sso())) {
      account.allowSsoLink();
    } else if ("none".equals(body.sso())) {
      account.removeSsoLink();
    } else if (body.sso() != null) {
      throw InvalidInputException.of("sso", "sso.unknown", "sso is link_next or none, not '" + body.sso() + "'");
    }
    accounts.flush();
    if (!accounts.anyEnabledAdmin()) {
      throw new ConflictException("account.last_admin", "At least one enabled administrator must remain");
    }
    audit.record("account.change", "staff_account", id, before, AccountView.of(account));
    return AccountView.of(account);
  }

  private static List<StaffRole> roles(List<String> codes, List<FieldViolation> faults) {
    List<StaffRole> roles = new ArrayList<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      Coded.fromCode(StaffRole.class, code).ifPresentOrElse(roles::add, () -> faults.add(FieldViolation.of(
          "roles", "role.unknown", "Unknown role '" + code + "'; one of " + Coded.codesOf(StaffRole.class))));
    }
    if (roles.isEmpty() && faults.stream().noneMatch(f -> f.field().equals("roles"))) {
      faults.add(FieldViolation.of("roles", "roles.missing", "Give at least one role"));
    }
    return roles;
  }
}
