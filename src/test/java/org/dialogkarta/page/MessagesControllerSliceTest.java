package org.dialogkarta.page;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The messages endpoint alone (a web slice: this controller, the one problem mapping and
 * PageMessages; no database, no security filters, no server): what it answers for a page, and
 * the problem details for a language or a page that does not exist.
 */
@WebMvcTest(controllers = MessagesController.class, useDefaultFilters = false, includeFilters = {
    @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = MessagesController.class),
    @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ControllerAdvice.class)})
@AutoConfigureMockMvc(addFilters = false)
@Import(PageMessages.class)
class MessagesControllerSliceTest {

  @Autowired MockMvc mvc;

  @Test
  void aPagesMessagesInTheAskedLanguage() throws Exception {
    mvc.perform(get("/api/v1/messages/en").param("page", "walk"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$['walk.skip']").isString())
        .andExpect(jsonPath("$['lang.label']").value("Language"))
        .andExpect(jsonPath("$['staff.accounts.heading']").doesNotExist());
  }

  @Test
  void anUnknownLanguageIsA422NamingItAndAnUnknownPageA404() throws Exception {
    mvc.perform(get("/api/v1/messages/de"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("validation"))
        .andExpect(jsonPath("$.errors[0].field").value("lang"))
        .andExpect(jsonPath("$.errors[0].code").value("lang.unknown"))
        .andExpect(jsonPath("$.detail").value("No messages in language 'de'; one of [sv, lattlast, en, fi, ar]"));
    mvc.perform(get("/api/v1/messages/sv").param("page", "../layout"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("No page '../layout'"));
  }
}
