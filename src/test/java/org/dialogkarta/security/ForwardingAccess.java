package org.dialogkarta.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** The intended rules of forwarding's endpoints (issue 18), for {@link AccessMatrixTest}. */
final class ForwardingAccess {

  private ForwardingAccess() {}

  static Map<String, String> rules() {
    Map<String, String> rules = new LinkedHashMap<>();
    rules.put("GET /api/v1/staff/departments/{id}/contacts", "ADMIN");
    rules.put("PUT /api/v1/staff/departments/{id}/contacts", "ADMIN");
    rules.put("POST /api/v1/staff/forwardings", "PLANNER");
    rules.put("GET /api/v1/staff/pins/{id}/forwardings", "PLANNER");
    rules.put("POST /api/v1/staff/forwardings/{id}/revoke", "PLANNER");
    rules.put("POST /api/v1/staff/forwardings/{id}/resend", "PLANNER");
    rules.put("POST /api/v1/staff/forwardings/answers/{id}/approve", "PLANNER");
    rules.put("POST /api/v1/staff/forwardings/answers/{id}/reject", "PLANNER");
    rules.put("GET /api/v1/forwarding", "PUBLIC");
    rules.put("POST /api/v1/forwarding/pins/{id}", "PUBLIC");
    rules.put("GET /svar", "PUBLIC");
    rules.put("GET /api/v1/staff/dialogues/{id}/routing-rules", "ADMIN");
    rules.put("POST /api/v1/staff/dialogues/{id}/routing-rules", "ADMIN");
    rules.put("DELETE /api/v1/staff/dialogues/{id}/routing-rules/{ruleId}", "ADMIN");
    rules.put("GET /api/v1/staff/dialogues/{id}/reply-templates", "PLANNER");
    rules.put("POST /api/v1/staff/dialogues/{id}/reply-templates", "PLANNER");
    rules.put("PUT /api/v1/staff/dialogues/{id}/reply-templates/{templateId}", "PLANNER");
    rules.put("DELETE /api/v1/staff/dialogues/{id}/reply-templates/{templateId}", "PLANNER");
    return rules;
  }
}
