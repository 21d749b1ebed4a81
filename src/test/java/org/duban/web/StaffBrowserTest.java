package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.round.RoundFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * What staff meet around their forms, in headless Chromium: no Camunda 8 banner and Chinese login
 * headings in every webapp, no 新建任务 for a unit, the office starting a round from the start form by
 * choosing a year, and the report form naming what is missing, keeping the text through a file over
 * the cap, listing the unit's earlier report and confirming the submission.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// opens a 2024 round and works the demo round's police task
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(Chromium.Installed.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffBrowserTest {

  static final String POLICE = RoundFixture.POLICE;
  static final String SUPERVISOR = RoundFixture.SUPERVISOR;
  static final String ROUND_NAME = "吴忠 一.4-展会 建立展会知识产权保护机制";
  static final String TASK_NAME = "市公安局:2025年度 一.4-展会 建立展会知识产权保护机制";
  static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary");
  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
              + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  @RegisterExtension final BrowserSession session = new BrowserSession("staff");
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void useTheSessionsBrowser() {
    browser = session.browser();
    wait = session.waitFor();
  }

  @Test
  @Order(1)
  void shouldShowNoCamunda8BannerAndChineseLoginHeadings() throws IOException {
    Map<String, String[]> apps =
        Map.of(
            "tasklist", new String[] {"任务列表", POLICE, "demo"},
            "cockpit", new String[] {"流程监控", SUPERVISOR, "demo"},
            "admin", new String[] {"系统管理", "admin", "admin"},
            "welcome", new String[] {"欢迎", POLICE, "demo"});
    for (var app : apps.entrySet()) {
      browser.manage().deleteAllCookies();
      browser.get("http://localhost:" + port + "/camunda/app/" + app.getKey() + "/");
      WebElement heading =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector(".form-signin .app-name")));
      assertThat(heading.getText()).as(app.getKey()).isEqualTo(app.getValue()[0]);
      Chromium.logIn(browser, port, app.getKey(), app.getValue()[1], app.getValue()[2]);
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-brand")));
      // the banner is in the page (7.24 renders it for every CE user) but hidden
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ce-eol-banner")));
      assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
          .as("%s: the Camunda 8 banner", app.getKey())
          .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
      assertThat(browser.getPageSource()).doesNotContain("It is time to migrate");
      assertThat(browser.getTitle()).as(app.getKey()).startsWith("督办 " + app.getValue()[0]);
      session.screenshot("staff-" + app.getKey() + ".png");
    }
  }

  @Test
  @Order(2)
  void shouldOfferCreateTaskOnlyToWhoMayCreateTasks() {
    Chromium.logIn(browser, port, "tasklist", POLICE, "demo");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".start-process-action a")));
    WebElement create =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".create-task-action[data-duban-create-task]")));
    assertThat(create.getDomAttribute("data-duban-create-task")).isEqualTo("refused");
    assertThat(create.isDisplayed()).as("新建任务 for a unit").isFalse();

    browser.manage().deleteAllCookies();
    Chromium.logIn(browser, port, "tasklist", "admin", "admin");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".create-task-action a")));
    assertThat(browser.findElement(By.cssSelector(".create-task-action a")).getText())
        .isEqualTo("新建任务");
  }

  @Test
  @Order(3)
  void shouldLetTheOfficeStartARoundByChoosingAYear() throws IOException {
    Chromium.logIn(browser, port, "tasklist", SUPERVISOR, "demo");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a")))
        .click();
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='page.searchValue']")))
        .sendKeys("一.4-展会");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//ul[contains(@class, 'processes')]//a[contains(., '" + ROUND_NAME + "')]")))
        .click();
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#year option"), 5));
    Select year = new Select(browser.findElement(By.id("year")));
    assertThat(year.getOptions())
        .extracting(WebElement::getText)
        .containsExactly("请选择", "2021年度", "2022年度", "2023年度", "2024年度", "2025年度(已启动)");
    assertThat(year.getOptions().get(5).isEnabled()).as("2025 is open already").isFalse();
    year.selectByVisibleText("2024年度");
    WebElement late =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//label[@for='leadDueDate']/following-sibling::p[contains(@class, 'text-warning')]")));
    assertThat(late.getText()).startsWith("该年度已晚于日历启动:不填写时截止日期为启动后 30 天");
    session.screenshot("staff-start-form.png");
    browser.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("year")));

    ProcessInstance started =
        runtime
            .createProcessInstanceQuery()
            // the round, not the deliveries that carry its key
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey(
                ProcessKeys.businessKey(RoundFixture.PLAN, RoundFixture.TASK, 2024))
            .singleResult();
    assertThat(started).as("the 2024 round").isNotNull();
    assertThat(runtime.getVariable(started.getId(), "year")).isEqualTo(2024);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(started.getId())
                .singleResult()
                .getStartUserId())
        .isEqualTo(SUPERVISOR);
  }

  @Test
  @Order(4)
  void shouldNameWhatIsMissingKeepTheTextListEarlierReportsAndConfirmTheSubmission()
      throws IOException {
    // the police reported in the 2024 round the office started above
    RoundFixture round = new RoundFixture(engine);
    ProcessInstance earlier =
        runtime
            .createProcessInstanceQuery()
            // the round, not the deliveries that carry its key
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey(
                ProcessKeys.businessKey(RoundFixture.PLAN, RoundFixture.TASK, 2024))
            .singleResult();
    round.submit(earlier, RoundElements.CO_UNIT, POLICE);
    round.runDueJobs();
    Task task =
        tasks.createTaskQuery().taskCandidateGroup(POLICE).taskName(TASK_NAME).singleResult();
    assertThat(task).isNotNull();

    Chromium.logIn(browser, port, "tasklist", POLICE, "demo");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[contains(@class, 'task-filter')]//h4[contains(@class, 'name')]/a[contains(., '本单位待办')]")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(taskLink())).click();
    // the earlier report can be read before the task is claimed
    WebElement own =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".duban-own-reports tbody tr")));
    assertThat(own.getText()).contains("2024 年").contains(POLICE + " 本年度工作进展").contains("按计划推进");
    WebElement evidence = own.findElement(By.cssSelector("a"));
    assertThat(evidence.getText()).isEqualTo("工作总结.pdf");
    assertThat(clickable(evidence)).as("the download link above Tasklist's veil").isTrue();

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    WebElement progress = wait.until(ExpectedConditions.elementToBeClickable(By.id("progress")));
    String text = "完成展会执法检查 3 场。";
    progress.sendKeys(text);
    // in and out of 完成情况 without choosing: it is named, under the field and in the summary
    browser.findElement(By.id("completionStatus")).click();
    progress.click();
    WebElement hint =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//select[@id='completionStatus']/following-sibling::p[contains(@class, 'duban-required-hint')]")));
    assertThat(hint.getText()).isEqualTo("请选择「完成情况」。");
    assertThat(browser.findElement(By.cssSelector(".duban-missing")).getText())
        .isEqualTo("尚未填写:完成情况。填写后才能点击「完成」。");
    assertThat(browser.findElement(COMPLETE).isEnabled()).isFalse();

    // an 11 MB file: refused when chosen, in Chinese, next to its field; the text stays
    Path big = session.file("big.pdf", Arrays.copyOf(PDF, 11 * 1024 * 1024));
    browser.findElement(By.id("evidence1")).sendKeys(big.toString());
    WebElement tooBig =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//input[@id='evidence1']/following-sibling::p[contains(@class, 'text-danger')]")));
    assertThat(tooBig.getText()).isEqualTo("「big.pdf」大小 11.0 MB,超过上限 10 MB,请重新选择。");
    assertThat(progress.getDomProperty("value")).isEqualTo(text);
    session.screenshot("staff-report-missing.png");

    new Select(browser.findElement(By.id("completionStatus"))).selectByValue("ON_TRACK");
    wait.until(ExpectedConditions.invisibilityOf(hint));
    assertThat(browser.findElement(By.cssSelector(".duban-missing")).isDisplayed()).isFalse();
    browser.findElement(By.id("evidence1")).sendKeys(session.file("record.pdf", PDF).toString());
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
    WebElement confirmation =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class, 'notifications')]//*[contains(., '已报送「')]")));
    assertThat(confirmation.getText())
        .contains("已报送「" + ROUND_NAME + " 2025年度」(市公安局)")
        .contains("报送时间");
    session.screenshot("staff-report-confirmed.png");
    assertThat(
            history
                .createHistoricTaskInstanceQuery()
                .taskId(task.getId())
                .singleResult()
                .getEndTime())
        .isNotNull();
  }

  @Test
  @Order(5)
  void shouldExplainInChineseWhyCockpitsHumanTasksCountIsNotTheOffices() throws IOException {
    Chromium.logIn(browser, port, "cockpit", SUPERVISOR, "demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-brand")));
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/tasks");
    WebElement refusal =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//div[contains(@class, 'notifications')]//*[contains(., '按用户组统计人工任务')]")));
    assertThat(refusal.getText()).contains("只向审计人员开放").doesNotContain("does not have");
    session.screenshot("staff-cockpit-tasks.png");
  }

  /** Whether a click at the element's centre reaches it, not something laid over it. */
  private boolean clickable(WebElement element) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                    + "arguments[0].scrollIntoView({block: 'center'});"
                    + "const s = arguments[0].getBoundingClientRect();"
                    + "const hit = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2);"
                    + "return hit === arguments[0] || arguments[0].contains(hit);",
                element);
  }

  private By taskLink() {
    return By.xpath(
        "//ol[contains(@class, 'tasks-list')]//h4[contains(@class, 'task')]/a[contains(., '"
            + TASK_NAME
            + "')]");
  }
}
