package org.dialogkarta.department;

import java.util.ArrayList;
import java.util.List;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The list of departments and outside bodies that pins can be forwarded to (the planning office,
 * the streets department, the housing company, the police, the road authority, ...). Every staff
 * member reads it; administrators keep it. A department in use is disabled, never deleted, so
 * that old pins keep their history.
 */
@RestController
@Transactional
class DepartmentController {

  record Department(long id, String name, String kind, boolean enabled) {}

  record DepartmentDraft(String name, String kind, Boolean enabled) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;

  DepartmentController(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @GetMapping("/api/v1/staff/departments")
  List<Department> list() {
    return jdbc.sql("SELECT id, name, kind, enabled FROM department ORDER BY enabled DESC, kind, name")
        .query(Department.class).list();
  }

  @PostMapping("/api/v1/staff/departments")
  @ResponseStatus(HttpStatus.CREATED)
  Department create(@RequestBody DepartmentDraft draft) {
    String name = check(draft, true);
    requireFreeName(name, null);
    long id = jdbc.sql("INSERT INTO department (name, kind, enabled) VALUES (:name, :kind, :enabled) RETURNING id")
        .param("name", name).param("kind", draft.kind())
        .param("enabled", draft.enabled() == null || draft.enabled())
        .query(Long.class).single();
    Department created = find(id);
    audit.record("department.create", "department", id, null, created);
    return created;
  }

  @PatchMapping("/api/v1/staff/departments/{id}")
  Department change(@PathVariable long id, @RequestBody DepartmentDraft draft) {
    Department before = find(id);
    String name = check(draft, false);
    if (name != null) {
      requireFreeName(name, id);
    }
    jdbc.sql("""
            UPDATE department SET name = coalesce(:name, name), kind = coalesce(:kind, kind),
                   enabled = coalesce(:enabled, enabled) WHERE id = :id""")
        .param("name", name).param("kind", draft.kind()).param("enabled", draft.enabled()).param("id", id)
        .update();
    Department after = find(id);
    audit.record("department.change", "department", id, before, after);
    return after;
  }

  private Department find(long id) {
    return jdbc.sql("SELECT id, name, kind, enabled FROM department WHERE id = :id").param("id", id)
        .query(Department.class).optional().orElseThrow(() -> new NotFoundException("No department " + id));
  }

  private void requireFreeName(String name, Long except) {
    boolean taken = jdbc.sql("SELECT count(*) > 0 FROM department WHERE lower(name) = lower(:name) AND id IS DISTINCT FROM :id")
        .param("name", name).param("id", except).query(Boolean.class).single();
    if (taken) {
      throw new ConflictException("department.taken", "There is already a department named '" + name + "'");
    }
  }

  /** The cleaned name (null when not given and not required), or the faults. */
  private static String check(DepartmentDraft draft, boolean creating) {
    List<FieldViolation> faults = new ArrayList<>();
    String name = draft.name() == null ? null : draft.name().strip();
    if ((name == null && creating) || (name != null && (name.isEmpty() || name.length() > 200))) {
      faults.add(FieldViolation.of("name", "text.blank", "A name of 1 to 200 characters"));
    }
    if ((draft.kind() == null && creating) || (draft.kind() != null && !List.of("internal", "external").contains(draft.kind()))) {
      faults.add(FieldViolation.of("kind", "code.unknown", "One of internal, external"));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInputException(faults);
    }
    return name;
  }
}
