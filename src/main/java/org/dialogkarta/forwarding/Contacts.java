package org.dialogkarta.forwarding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.mail.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The contact addresses of departments and outside bodies: where a forwarding's message goes. */
@Component
class Contacts {

  static final int MAX_ADDRESSES = 10;

  private final JdbcClient jdbc;

  Contacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<String> of(long departmentId) {
    return jdbc.sql("SELECT address FROM department_contact WHERE department_id = :d ORDER BY id")
        .param("d", departmentId).query(String.class).list();
  }

  /** Replaces the department's addresses by {@code addresses}, checked first (422 naming each bad one). */
  List<String> replace(long departmentId, List<String> addresses) {
    List<String> clean = check(addresses);
    jdbc.sql("DELETE FROM department_contact WHERE department_id = :d").param("d", departmentId).update();
    for (String address : clean) {
      jdbc.sql("INSERT INTO department_contact (department_id, address) VALUES (:d, :a)")
          .param("d", departmentId).param("a", address).update();
    }
    return clean;
  }

  static List<String> check(List<String> addresses) {
    if (addresses == null) {
      throw InvalidInputException.of("addresses", "contacts.missing", "Give a list of addresses (may be empty)");
    }
    List<FieldViolation> faults = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> clean = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      String a = addresses.get(i) == null ? "" : addresses.get(i).strip();
      if (!Outbox.isAddress(a)) {
        faults.add(FieldViolation.of("addresses[" + i + "]", "contacts.address_invalid", "Not an e-mail address: " + a));
      } else if (seen.add(a.toLowerCase(Locale.ROOT))) {
        clean.add(a);
      }
    }
    if (clean.size() > MAX_ADDRESSES) {
      faults.add(FieldViolation.of("addresses", "contacts.too_many", "At most " + MAX_ADDRESSES + " addresses"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return clean;
  }
}
