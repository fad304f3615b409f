package org.dialogkarta.forwarding;

import java.util.List;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators keep each department's contact addresses (ADMIN by path, like the departments). */
@RestController
@Transactional
class ContactController {

  record ContactList(long departmentId, List<String> addresses) {}

  record ContactDraft(List<String> addresses) {}

  private final Contacts contacts;
  private final AuditLog audit;
  private final JdbcClient jdbc;

  ContactController(Contacts contacts, AuditLog audit, JdbcClient jdbc) {
    this.contacts = contacts;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/v1/staff/departments/{id}/contacts")
  ContactList list(@PathVariable long id) {
    requireDepartment(id);
    return new ContactList(id, contacts.of(id));
  }

  @PutMapping("/api/v1/staff/departments/{id}/contacts")
  ContactList replace(@PathVariable long id, @RequestBody ContactDraft draft) {
    requireDepartment(id);
    ContactList before = new ContactList(id, contacts.of(id));
    ContactList after = new ContactList(id, contacts.replace(id, draft.addresses()));
    audit.record("department.contacts", "department", id, before, after);
    return after;
  }

  private void requireDepartment(long id) {
    jdbc.sql("SELECT id FROM department WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("No department " + id));
  }
}
