package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.round.RoundFixture.POLICE;
import static org.duban.round.RoundFixture.SUPERVISOR;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.oversight.OversightScenario;
import org.duban.round.RoundFixture;
import org.duban.testsupport.PdfText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The supervisor's 督办 views in Cockpit with a real (headless) Chromium, on 11 December 2025 of
 * {@link OversightScenario}: the dashboard's board lights the police red (criticised), the justice
 * bureau yellow (overdue) and the punctual units green; the 逾期台账 lists exactly the overdue unit;
 * the 通报登记簿 shows the issued criticism, whose PDF opens. Skipped ({@link Chromium.Installed}) where
 * Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(Chromium.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class OversightBrowserTest {

  static final By BOARD_ROW =
      By.cssSelector(".duban-board tr[data-task='" + RoundFixture.TASK + "']");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  OversightScenario scenario;
  @RegisterExtension final BrowserSession session = new BrowserSession("cockpit-oversight");
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void useTheSessionsBrowser() {
    browser = session.browser();
    wait = session.waitFor();
  }

  @BeforeAll
  void play() {
    scenario = OversightScenario.play(engine);
  }

  @AfterAll
  void reset() {
    new RoundFixture(engine).clear();
    ClockUtil.reset();
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void shouldShowTheSupervisorLightsTheLedgerAndTheRegisterWithItsPdf() throws Exception {
    Chromium.logIn(browser, port, "cockpit", SUPERVISOR, "demo");

    // 督办看板 on the dashboard
    WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(BOARD_ROW));
    assertThat(light(row, POLICE)).isEqualTo("CRITICISED");
    assertThat(light(row, OversightScenario.SIFAJU)).isEqualTo("OVERDUE");
    assertThat(light(row, "wuzhong-jianchayuan")).isEqualTo("ON_TIME");
    assertThat(
            cell(row, POLICE).findElement(By.cssSelector(".duban-light")).getDomAttribute("class"))
        .contains("duban-light-red");
    assertThat(
            cell(row, OversightScenario.SIFAJU)
                .findElement(By.cssSelector(".duban-light"))
                .getDomAttribute("class"))
        .contains("duban-light-yellow");
    assertThat(
            cell(row, "wuzhong-jianchayuan")
                .findElement(By.cssSelector(".duban-light"))
                .getDomAttribute("class"))
        .contains("duban-light-green");
    assertThat(cell(row, POLICE).findElement(By.tagName("a")).getDomAttribute("href"))
        .isEqualTo("#/process-instance/" + scenario.round.getId() + "/runtime");
    assertThat(
            cell(row, OversightScenario.SIFAJU)
                .findElement(By.cssSelector("a.duban-task"))
                .getDomAttribute("href"))
        .startsWith("/camunda/app/tasklist/default/#/?task=");
    assertThat(browser.findElement(By.cssSelector(".duban-board .duban-totals")).getText())
        .contains("已逾期 1")
        .contains("已通报批评 1")
        .contains("按时报送 6");
    session.screenshot("cockpit-board.png");

    // 逾期台账: exactly the overdue unit
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#/duban-ledger']")))
        .click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector(".duban-ledger-table tbody tr")));
    List<WebElement> overdue = browser.findElements(By.cssSelector(".duban-ledger-table tbody tr"));
    assertThat(overdue).hasSize(1);
    assertThat(overdue.get(0).getDomAttribute("data-unit")).isEqualTo(OversightScenario.SIFAJU);
    assertThat(overdue.get(0).getText())
        .contains("市司法局")
        .contains("张伟(zhangwei)")
        .contains("2025-12-05")
        .contains("通报批评(待签发)");
    assertThat(
            browser
                .findElement(By.cssSelector(".duban-ledger a[data-format='xlsx']"))
                .getDomAttribute("href"))
        .contains("/api/oversight/overdue")
        .contains("format=xlsx");
    session.screenshot("cockpit-ledger.png");

    // 通报登记簿: the issued criticism and its printable notice
    browser.findElement(By.cssSelector("a[href='#/duban-register']")).click();
    WebElement criticism =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-notice='" + scenario.criticism.getId() + "']")));
    assertThat(criticism.getText()).contains("通报批评").contains("已签发").contains("市公安局");
    WebElement pdfLink = criticism.findElement(By.cssSelector("a.duban-document"));
    assertThat(pdfLink.getText()).isEqualTo("打印通报(PDF)");
    session.screenshot("cockpit-register.png");

    // the link as the browser opens it, with the Cockpit session only
    @SuppressWarnings("unchecked")
    Map<String, Object> fetched =
        (Map<String, Object>)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {"
                        + "  const bytes = new Uint8Array(await r.arrayBuffer());"
                        + "  let text = ''; bytes.forEach(b => text += String.fromCharCode(b));"
                        + "  done({status: r.status, type: r.headers.get('Content-Type'),"
                        + "        body: btoa(text)});"
                        + "}).catch(e => done({status: -1, type: String(e), body: ''}));",
                    pdfLink.getDomProperty("href"));
    assertThat(((Number) fetched.get("status")).intValue()).isEqualTo(200);
    assertThat((String) fetched.get("type")).isEqualTo("application/pdf");
    String text =
        PdfText.of(Base64.getDecoder().decode((String) fetched.get("body"))).replaceAll("\\s+", "");
    assertThat(text).contains("市公安局").contains(OversightScenario.WUZHONG_OFFICE_NAME);
  }

  private static WebElement cell(WebElement row, String unit) {
    return row.findElement(By.cssSelector("td[data-unit='" + unit + "']"));
  }

  private static String light(WebElement row, String unit) {
    return cell(row, unit).getDomAttribute("data-light");
  }

  /**
   * The office signs the justice bureau's proposed criticism in Tasklist as a person would: the
   * decision is a select (the form SDK binds one field per variable: two radio buttons of one
   * variable stopped the form from loading), the notice's text comes prefilled.
   */
  @Test
  @org.junit.jupiter.api.Order(2)
  void shouldLetTheOfficeIssueAProposedCriticismFromItsForm() throws Exception {
    RoundFixture rounds = new RoundFixture(engine);
    var proposal =
        rounds.notices(scenario.round, "CRITICISM").stream()
            .filter(
                n ->
                    OversightScenario.SIFAJU.equals(
                        rounds.noticeVariable(n, org.duban.names.NoticeVariables.UNIT)))
            .findFirst()
            .orElseThrow();
    var task = rounds.noticeTask(proposal);
    assertThat(task).as("the justice bureau's proposal waits for the office").isNotNull();

    Chromium.logIn(browser, port, "tasklist", SUPERVISOR, "demo");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//ol[contains(@class, 'tasks-list')]//h4[contains(@class, 'task')]/a[contains(., '"
                        + task.getName()
                        + "')]")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    WebElement decision =
        wait.until(ExpectedConditions.elementToBeClickable(By.id("noticeDecision")));
    org.openqa.selenium.support.ui.Select select =
        new org.openqa.selenium.support.ui.Select(decision);
    assertThat(select.getOptions())
        .extracting(WebElement::getText)
        .containsExactly("请选择", "签发", "撤回(不予通报)");
    select.selectByVisibleText("签发");
    WebElement text = browser.findElement(By.id("noticeText"));
    wait.until(d -> !text.getDomProperty("value").isBlank());
    assertThat(text.getDomProperty("value")).contains("市司法局").contains("通报批评");
    session.screenshot("tasklist-criticism-form.png");
    WebElement complete =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(".form-actions button.btn-primary")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", complete);
    complete.click();
    wait.until(d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
    assertThat(rounds.noticeVariable(proposal, org.duban.names.NoticeVariables.STATUS))
        .isEqualTo("ISSUED");
  }
}
