package org.dialogkarta.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialogkarta.kernel.ConflictException;
import org.dialogkarta.kernel.FieldViolation;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.Messages;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/} (http://wiki.open311.org/GeoReport_v2), in JSON and
 * XML by the address's extension: the services ({@link Open311Services}), the requests
 * ({@link Open311Requests}) and posting a request with an API key ({@link Open311Clients}).
 * Refusals are in the spec's own error format ({@code [{"code": 400, "description": "…"}]}, or
 * {@code <errors><error>…}) with a 4xx status, written by this controller's handlers rather than
 * as problem details, because GeoReport clients read only that format.
 * {@code jurisdiction_id} is accepted and ignored: the service has one jurisdiction.
 */
@RestController
class Open311Controller {

  private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
  private static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");
  /** Our field names in the spec's words, for error descriptions. */
  private static final Map<String, String> FIELDS = Map.of("text", "description", "location", "lat/long",
      "category", "service_code", "subtags", "service_code", "shape", "lat/long");

  private final Open311Services services;
  private final Open311Requests requests;
  private final Open311Clients clients;
  private final JsonMapper json;

  Open311Controller(Open311Services services, Open311Requests requests, Open311Clients clients, JsonMapper json) {
    this.services = services;
    this.requests = requests;
    this.clients = clients;
    this.json = json;
  }

  @GetMapping("/open311/v2/services.{format}")
  ResponseEntity<String> services(@PathVariable String format, @RequestParam(defaultValue = "sv") String lang) {
    return answer(format, "services", "service", services.list(language(lang)));
  }

  @GetMapping("/open311/v2/services/{code}.{format}")
  ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
      @RequestParam(defaultValue = "sv") String lang) {
    requireFormat(format);
    services.find(language(lang), code).orElseThrow(() -> new Open311Error(404, "service_code not found: " + code));
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("service_code", code);
    if ("xml".equals(format)) {
      definition.put("attributes", null);
      return ResponseEntity.ok().contentType(XML).body(Open311Xml.writeOne("service_definition", definition));
    }
    definition.put("attributes", List.of());
    return ResponseEntity.ok().contentType(JSON).body(json.writeValueAsString(definition));
  }

  @GetMapping("/open311/v2/requests.{format}")
  ResponseEntity<String> requests(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    requireFormat(format);
    List<Long> ids = new ArrayList<>();
    String idList = params.getFirst("service_request_id");
    if (idList != null && !idList.isBlank()) {
      for (String id : idList.split(",")) {
        ids.add(number(id, "service_request_id"));
      }
    }
    Open311Services.Code code = null;
    String codeText = params.getFirst("service_code");
    if (codeText != null && !codeText.isBlank()) {
      code = Open311Services.Code.parse(codeText).orElseThrow(() -> new Open311Error(400, "service_code is not a service code: " + codeText));
    }
    String status = params.getFirst("status");
    if (status != null && !status.isBlank() && !status.equals("open") && !status.equals("closed")) {
      throw new Open311Error(400, "status must be open or closed");
    }
    Open311Requests.Query q = new Open311Requests.Query(ids, code, date(params.getFirst("start_date"), "start_date"),
        date(params.getFirst("end_date"), "end_date"), status == null || status.isBlank() ? null : status);
    return answer(format, "service_requests", "request", requests.find(language(params.getFirst("lang")), q));
  }

  @GetMapping("/open311/v2/requests/{id}.{format}")
  ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
      @RequestParam(defaultValue = "sv") String lang) {
    requireFormat(format);
    long pinId = number(id, "service_request_id");
    List<Map<String, Object>> found = requests.find(language(lang), new Open311Requests.Query(List.of(pinId), null, null, null, null));
    if (found.isEmpty()) {
      throw new Open311Error(404, "service_request_id not found: " + pinId);
    }
    return answer(format, "service_requests", "request", found);
  }

  /** A new request; the key is checked first (403), then the client's hourly limit (429), then the input. */
  @PostMapping("/open311/v2/requests.{format}")
  ResponseEntity<String> post(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    Open311Clients.Client client = clients.authenticate(params.getFirst("api_key"))
        .orElseThrow(() -> new Open311Error(403, "api_key is missing, unknown or revoked"));
    requireFormat(format);
    if (!clients.allowPost(client)) {
      throw new Open311Error(429, "Too many requests from this client this hour; try again later");
    }
    String codeText = params.getFirst("service_code");
    if (codeText == null || codeText.isBlank()) {
      throw new Open311Error(400, "service_code is required");
    }
    Open311Services.Code code = Open311Services.Code.parse(codeText)
        .orElseThrow(() -> new Open311Error(404, "service_code not found: " + codeText));
    if (services.find("sv", code.text()).isEmpty()) {
      throw new Open311Error(404, "service_code not found: " + codeText);
    }
    String lat = params.getFirst("lat");
    String lon = params.getFirst("long");
    if (lat == null || lat.isBlank() || lon == null || lon.isBlank()) {
      throw new Open311Error(400, "lat and long are required (address_string alone is not supported)");
    }
    long id = requests.submit(client, code, coordinate(lat, "lat"), coordinate(lon, "long"), params.getFirst("description"));
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("service_request_id", id);
    created.put("service_notice", null);
    created.put("account_id", null);
    return answer(format, HttpStatus.CREATED, "service_requests", "request", List.of(created));
  }

  @ExceptionHandler(Open311Error.class)
  ResponseEntity<String> refused(Open311Error e, HttpServletRequest request) {
    return errors(request, e.status(), List.of(e.getMessage()));
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<String> invalid(InvalidInputException e, HttpServletRequest request) {
    List<String> descriptions = new ArrayList<>();
    for (FieldViolation v : e.violations()) {
      descriptions.add(FIELDS.getOrDefault(v.field(), v.field()) + ": " + v.message() + " (" + v.code() + ")");
    }
    return errors(request, 400, descriptions);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<String> notFound(NotFoundException e, HttpServletRequest request) {
    return errors(request, 404, List.of(e.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<String> conflict(ConflictException e, HttpServletRequest request) {
    return errors(request, 409, List.of(e.getMessage() + " (" + e.code() + ")"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<String> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return errors(request, 400, List.of(e.getName() + " is not valid"));
  }

  private ResponseEntity<String> errors(HttpServletRequest request, int status, List<String> descriptions) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (String d : descriptions) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", status);
      error.put("description", d);
      items.add(error);
    }
    String format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
    return answer(format, HttpStatus.valueOf(status), "errors", "error", items);
  }

  private ResponseEntity<String> answer(String format, String root, String item, List<Map<String, Object>> items) {
    requireFormat(format);
    return answer(format, HttpStatus.OK, root, item, items);
  }

  private ResponseEntity<String> answer(String format, HttpStatus status, String root, String item,
      List<Map<String, Object>> items) {
    if ("xml".equals(format)) {
      return ResponseEntity.status(status).contentType(XML).body(Open311Xml.write(root, item, items));
    }
    return ResponseEntity.status(status).contentType(JSON).body(json.writeValueAsString(items));
  }

  private static void requireFormat(String format) {
    if (!"json".equals(format) && !"xml".equals(format)) {
      throw new Open311Error(404, "Formats are json and xml");
    }
  }

  private static String language(String lang) {
    return lang != null && org.dialogkarta.kernel.Languages.forStaff().stream().anyMatch(l -> l.code().equals(lang)) ? lang : "sv";
  }

  private static long number(String text, String field) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new Open311Error(400, field + " must be a number");
    }
  }

  private static double coordinate(String text, String field) {
    try {
      double value = Double.parseDouble(text.strip());
      if (!Double.isFinite(value)) {
        throw new Open311Error(400, field + " must be a finite number");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Open311Error(400, field + " must be a number in decimal degrees (WGS84)");
    }
  }

  private static OffsetDateTime date(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new Open311Error(400, field + " must be ISO 8601 with a time zone, e.g. 2026-05-01T00:00:00Z");
    }
  }
}
