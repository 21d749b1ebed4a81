package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The report form's confirmation (已报送「…」) names the round and the unit as the catalog does; a
 * catalog is an office's upload, drafted from a plan document. Tasklist's notifications render
 * their message as HTML, after escaping it unless the notification is marked unsafe: a name with
 * markup in it must keep arriving as text, never run in the unit's browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// renames the demo round's police stage and completes its task
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(Chromium.Installed.class)
class ReportConfirmationBrowserTest {

  static final String POLICE = RoundFixture.POLICE;
  static final String TASK_NAME = "市公安局:2025年度 一.4-展会 建立展会知识产权保护机制";
  static final String MARKUP =
      "市公安局<img src=\"x\" class=\"duban-injected\""
          + " onerror=\"document.body.setAttribute('data-injected', '1')\">";
  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
              + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;

  @RegisterExtension final BrowserSession session = new BrowserSession("report-confirmation");
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void useTheSessionsBrowser() {
    browser = session.browser();
    wait = session.waitFor();
  }

  @Test
  void shouldShowMarkupInTheConfirmationAsText() throws IOException {
    String round =
        runtime
            .createProcessInstanceQuery()
            // the round, not the deliveries that carry its key
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey("wuzhong-2022/一.4-展会/2025")
            .singleResult()
            .getId();
    VariableInstance name =
        runtime
            .createVariableInstanceQuery()
            .processInstanceIdIn(round)
            .variableName(RoundVariables.UNIT_NAME)
            .list()
            .stream()
            .filter(v -> "市公安局".equals(v.getValue()) && !round.equals(v.getExecutionId()))
            .findFirst()
            .orElseThrow();
    // as the catalog would have named the unit: written by the system, inside an engine command
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              runtime.setVariableLocal(name.getExecutionId(), RoundVariables.UNIT_NAME, MARKUP);
              return null;
            });

    Chromium.logIn(browser, port, "tasklist", POLICE, "demo");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[contains(@class, 'task-filter')]//h4[contains(@class, 'name')]/a[contains(., '本单位待办')]")))
        .click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//ol[contains(@class, 'tasks-list')]//h4[contains(@class, 'task')]/a[contains(., '"
                        + TASK_NAME
                        + "')]")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("progress"))).sendKeys("完成检查。");
    new Select(browser.findElement(By.id("completionStatus"))).selectByValue("ON_TRACK");
    browser.findElement(By.id("evidence1")).sendKeys(session.file("record.pdf", PDF).toString());
    WebElement button =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".form-actions button.btn-primary")));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();

    WebElement confirmation =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class, 'notifications')]//*[contains(., '已报送「')]")));
    assertThat(confirmation.getText()).contains("(" + MARKUP + ")");
    assertThat(browser.findElements(By.cssSelector("img.duban-injected")))
        .as("no element made from the unit's name")
        .isEmpty();
    assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-injected"))
        .as("no script of the name ran")
        .isNull();
  }
}
