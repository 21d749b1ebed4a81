package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.duban.audit.FinishedRound;
import org.duban.audit.RoundHistory;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The auditor in Cockpit with a real (headless) Chromium: opens 审计 from the navigation, finds the
 * finished 2024 round by plan, year and state, reads its timeline, checks an evidence file (一致),
 * finds it 不一致 once its stored bytes were changed in the database, and exports the dossier as a
 * PDF. Skipped like {@link TasklistBrowserTest} where Debian's chromium is missing (not on CI).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// tampers with stored evidence: no later test may share this database
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(Chromium.Installed.class)
class CockpitAuditBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired RoundHistory rounds;
  @Autowired JdbcTemplate jdbc;

  @RegisterExtension final BrowserSession session = new BrowserSession("cockpit-audit");
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void useTheSessionsBrowser() {
    browser = session.browser();
    wait = session.waitFor();
  }

  @Test
  void shouldLetTheAuditorFindARoundReadItsTimelineVerifyEvidenceAndExportTheDossier()
      throws Exception {
    String roundId = FinishedRound.work(engine);
    String evidenceId =
        rounds.of(roundId).orElseThrow().evidence().stream()
            .filter(e -> e.unit().equals(RoundFixture.POLICE))
            .findFirst()
            .orElseThrow()
            .variableId();

    Chromium.logIn(browser, port, "cockpit", "auditor", "demo");

    // the navigation entry, then the search by plan, year and state
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.duban-audit-nav")))
        .click();
    WebElement plan =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("duban-audit-plan")));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("table.duban-audit-round-list")));
    plan.sendKeys("wuzhong-2022");
    browser.findElement(By.id("duban-audit-year")).sendKeys(String.valueOf(FinishedRound.YEAR));
    new Select(browser.findElement(By.id("duban-audit-state"))).selectByValue("finished");
    browser.findElement(By.cssSelector("button.duban-audit-find")).click();
    By row = By.cssSelector("table.duban-audit-round-list tr[data-round='" + roundId + "']");
    wait.until(
        driver ->
            driver.findElements(By.cssSelector("table.duban-audit-round-list tbody tr")).size() == 1
                && !driver.findElements(row).isEmpty());
    assertThat(browser.findElement(row).getText())
        .contains(FinishedRound.KEY)
        .contains("已结束")
        .contains("办结")
        .contains("2024-12-05 09:00");
    session.screenshot("cockpit-audit-search.png");
    browser.findElement(row).findElement(By.cssSelector("a.duban-audit-open")).click();

    // the timeline: who decided what, the return with its reason, the acceptance
    WebElement timeline =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("table.duban-audit-timeline")));
    // textContent: rows below the page's scroll area are not "visible" text to Selenium
    assertThat(timeline.getDomProperty("textContent"))
        .contains("市公安局:2024年度")
        .contains("审核结论:退回")
        .contains("退回理由:" + FinishedRound.RETURN_REASON)
        .contains("审核结论:办结")
        .contains("工作评价:优秀")
        .contains("2024-12-05 09:00");
    WebElement systemStep = timeline.findElement(By.cssSelector("tr.duban-system-step"));
    assertThat(systemStep.isDisplayed()).as("the system's steps are folded away").isFalse();
    browser.findElement(By.cssSelector("input.duban-show-system-steps")).click();
    assertThat(systemStep.isDisplayed()).isTrue();
    assertThat(systemStep.getText()).contains("系统");
    assertThat(
            browser
                .findElement(By.cssSelector("table.duban-audit-reports"))
                .getDomProperty("textContent"))
        .contains("已退回")
        .contains("牵头单位汇总报送");
    // 送达记录: the demo's outbox had each unit's new task, the lead's return, the commendations
    assertThat(
            browser
                .findElement(By.cssSelector("table.duban-audit-deliveries"))
                .getDomProperty("textContent"))
        .contains("新任务")
        .contains("退回修改")
        .contains("通报表扬")
        .contains("本地发件箱")
        .contains("已送达");
    assertThat(
            browser
                .findElement(By.cssSelector("table.duban-audit-notices"))
                .getDomProperty("textContent"))
        .contains("通报表扬");
    session.screenshot("cockpit-audit-round.png");

    // 校验: untouched, then with the stored bytes changed behind the engine's back
    assertThat(verify(evidenceId)).isEqualTo("一致");
    FinishedRound.tamper(
        jdbc, evidenceId, "%PDF-1.4\n% altered\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(verify(evidenceId)).isEqualTo("不一致");
    session.screenshot("cockpit-audit-verification.png");

    // the dossier: the export link answers a PDF in the auditor's session
    String pdf =
        browser
            .findElement(By.cssSelector(".duban-audit-round a.duban-export-pdf"))
            .getDomProperty("href");
    Object answer =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(r => done(r.status + ' ' + r.headers.get('content-type')))"
                    + ".catch(e => done('failed ' + e));",
                pdf);
    assertThat(answer).isEqualTo("200 application/pdf");
  }

  /** Clicks 校验 on a file's row and returns the verdict it shows. */
  private String verify(String evidenceId) {
    WebElement evidence =
        browser.findElement(
            By.cssSelector("table.duban-audit-evidence tr[data-evidence='" + evidenceId + "']"));
    WebElement button = evidence.findElement(By.cssSelector("button.duban-verify"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].textContent = '';",
            evidence.findElement(By.cssSelector(".duban-verify-result")));
    button.click();
    By verdict = By.cssSelector(".duban-verify-result .label");
    wait.until(driver -> !evidence.findElements(verdict).isEmpty());
    return evidence.findElement(verdict).getText();
  }
}
