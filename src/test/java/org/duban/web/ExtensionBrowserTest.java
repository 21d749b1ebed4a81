package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.names.ExtensionElements;
import org.duban.names.ExtensionVariables;
import org.duban.names.ProcessKeys;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;
import org.duban.schedule.Deadlines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * 延期申请 worked in Tasklist with a real (headless) Chromium on the demo: 市公安局 asks for 20 more days
 * on its task of the demo round from its report form (申请延期), the coordinating office approves the
 * proposed day in its 审批延期申请 form and the unit's task is due then; the office's round start form
 * (发起流程) lists the plan's years with the demo round's year disabled. Skipped where Debian's
 * chromium and chromium-driver are not installed, except on CI, where that fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// moves the demo round's police task, which other tests on this configuration expect untouched
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(Chromium.Installed.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionBrowserTest {

  static final String POLICE = RoundFixture.POLICE;
  static final String OFFICE = RoundFixture.SUPERVISOR;
  static final String DEMO_ROUND = "wuzhong-2022/一.4-展会/2025";
  static final String EXTENSION_KEY = ProcessKeys.extension(RoundFixture.PLAN);
  static final String REASON = "展会推迟至明年一月举办,执法检查数据尚待汇总。";
  static final String QUANZHOU = "quanzhou-2024";
  static final String QUANZHOU_LEAD = "quanzhou-zhishichanquanju"; // 市知识产权局
  static final String QUANZHOU_OFFICE = "quanzhou-lingdaoxiaozu-ban";
  static final String PATENTS = "每万人口高价值发明专利拥有量";
  static final String COPYRIGHT = "版权登记量";
  static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngine engine;
  @Autowired Deadlines deadlines;

  @RegisterExtension final BrowserSession session = new BrowserSession("extension");
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void useTheSessionsBrowser() {
    browser = session.browser();
    wait = session.waitFor();
  }

  @Test
  @Order(1)
  void shouldLetAUnitAskForMoreTimeAndTheOfficeApproveIt() throws Exception {
    Task task = policeTask();
    LocalDate due = deadlines.day(task.getDueDate());
    LocalDate proposed = due.plusDays(20);

    // the unit asks from its report form
    logIn(POLICE);
    openTaskFromUnitInbox(task.getName());
    claim(By.id("progress"));
    WebElement panel =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".duban-extension")));
    assertThat(panel.findElement(By.cssSelector(".panel-heading")).getText())
        .startsWith("申请延期")
        .contains("本任务已申请 0 次,最多 1 次")
        .contains("截止日期 " + due);
    WebElement send = panel.findElement(By.xpath(".//button[normalize-space(.)='提交延期申请']"));
    assertThat(send.isEnabled()).as("no request without a reason and a day").isFalse();
    scrollTo(panel.findElement(By.id("extensionReason"))).sendKeys(REASON);
    typeDate(panel.findElement(By.id("extensionDue")), proposed);
    wait.until(ExpectedConditions.elementToBeClickable(send));
    session.screenshot("extension-request-form.png");
    send.click();
    WebElement confirmation =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".duban-extension p.text-success")));
    assertThat(confirmation.getText()).isEqualTo("延期申请已提交,请等待督办单位审批");
    assertThat(browser.findElements(By.cssSelector(".duban-extension p.text-info")))
        .as("the confirmation says it once, not twice")
        .isEmpty();
    assertThat(browser.findElements(By.id("extensionReason")))
        .as("no second request while one waits")
        .isEmpty();
    WebElement row = browser.findElement(By.cssSelector(".duban-extension table tbody tr"));
    assertThat(row.getText()).contains(due + " → " + proposed).contains(REASON);
    session.screenshot("extension-requested.png");

    // the request exists on the server, as the unit sent it
    HistoricProcessInstance request =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(EXTENSION_KEY)
            .variableValueEquals(ExtensionVariables.UNIT_TASK_ID, task.getId())
            .singleResult();
    assertThat(request).as("the police's extension request").isNotNull();
    assertThat(request.getBusinessKey()).isEqualTo(DEMO_ROUND);
    assertThat(runtimeService.getVariable(request.getId(), ExtensionVariables.PROPOSED_DUE))
        .isEqualTo(proposed.toString());
    assertThat(runtimeService.getVariable(request.getId(), ExtensionVariables.REQUEST_REASON))
        .isEqualTo(REASON);
    assertThat(runtimeService.getVariable(request.getId(), ExtensionVariables.REQUESTED_BY))
        .isEqualTo(POLICE);
    assertThat(deadlines.day(dueDate(task))).as("not moved yet").isEqualTo(due);

    // the office approves the proposed day
    Task decision =
        taskService
            .createTaskQuery()
            .processInstanceId(request.getId())
            .taskDefinitionKey(ExtensionElements.DECIDE)
            .singleResult();
    assertThat(decision).as("审批延期申请 for the office").isNotNull();
    logOut();
    logIn(OFFICE);
    openTaskFromUnitInbox(decision.getName());
    claim(By.id("extensionDecision"));
    WebElement summary =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class, 'alert-info')][contains(., '延期申请')]")));
    wait.until(ExpectedConditions.textToBePresentInElement(summary, proposed.toString()));
    assertThat(summary.getText())
        .contains("市公安局")
        .contains("第 1 次申请,最多 1 次")
        .contains("原报送截止日期:" + due)
        .contains("拟延至:" + proposed)
        .contains("延期理由:" + REASON);
    assertThat(browser.findElement(By.id("newDue")).isDisplayed()).isFalse();
    assertThat(browser.findElement(COMPLETE).isEnabled()).as("a decision first").isFalse();
    Select decide = new Select(browser.findElement(By.id("extensionDecision")));
    assertThat(decide.getOptions())
        .extracting(WebElement::getText)
        .containsExactly("请选择", "批准延期", "不予延期");
    decide.selectByVisibleText("批准延期");
    WebElement newDue = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newDue")));
    wait.until(ExpectedConditions.attributeToBe(newDue, "value", proposed.toString()));
    assertThat(browser.findElement(By.id("refusalReason")).isDisplayed()).isFalse();
    session.screenshot("extension-decision-form.png");
    complete();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(taskLink(decision.getName())));

    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(request.getId())
                .finished()
                .count())
        .as("the request is decided")
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(request.getId())
                .variableName(ExtensionVariables.STATUS)
                .singleResult()
                .getValue())
        .isEqualTo("APPROVED");
    assertThat(deadlines.day(dueDate(task)))
        .as("the unit's task is due on the approved day")
        .isEqualTo(proposed);
  }

  @Test
  @Order(2)
  void shouldOfferThePlansYearsInTheRoundStartForm() throws Exception {
    ProcessDefinition round =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(RoundFixture.KEY)
            .latestVersion()
            .singleResult();
    logIn(OFFICE);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a")))
        .click();
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='page.searchValue']")))
        .sendKeys(RoundFixture.TASK);
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//ul[contains(@class, 'processes')]//a[contains(., '"
                        + round.getName()
                        + "')]")))
        .click();
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#year option"), 5));
    Select year = new Select(browser.findElement(By.id("year")));
    List<WebElement> options = year.getOptions();
    assertThat(options)
        .extracting(WebElement::getText)
        .containsExactly("请选择", "2021年度", "2022年度", "2023年度", "2024年度", "2025年度(已启动)");
    assertThat(options)
        .extracting(WebElement::isEnabled)
        .containsExactly(true, true, true, true, true, false);
    assertThat(browser.getPageSource()).contains("《吴忠市知识产权保护和运用“十四五”规划》规划期 2021");
    year.selectByVisibleText("2024年度");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leadDueDate")));
    session.screenshot("extension-round-start-form.png");
  }

  @Test
  @Order(3)
  void shouldAskTheLeadForTheTargetsValuesAndShowTheReviewAMissedTarget() throws Exception {
    // Quanzhou's 2026 round of 一.3, whose lead answers for two targets; the co-units report
    // through the engine
    RoundFixture rounds = new RoundFixture(engine);
    ProcessInstance round =
        runtimeService.startProcessInstanceByKey(
            ProcessKeys.round(QUANZHOU, "一.3"), Map.of(RoundVariables.YEAR, 2026));
    for (Task task : rounds.coUnitTasks(round)) {
      taskService.claim(task.getId(), "co-unit-handler");
      taskService.complete(task.getId(), rounds.report("本单位年度工作进展", RoundFixture.pdf("工作总结.pdf")));
    }
    RoundFixture.runDueJobsOf(managementService, round);
    Task lead = rounds.unitTask(round, RoundElements.LEAD, QUANZHOU_LEAD);
    assertThat(lead).as("all co-units in: the lead's task is open").isNotNull();

    // the lead gives the year's values in its report form
    logIn(QUANZHOU_LEAD);
    openTaskFromUnitInbox(lead.getName());
    claim(By.id("progress"));
    wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("input[id^='indicator']"), 2));
    assertThat(browser.findElement(By.cssSelector("label[for='indicator0']")).getText())
        .isEqualTo(PATENTS + "(目标:2026 年达到 6 件)*");
    assertThat(browser.findElement(By.cssSelector("label[for='indicator1']")).getText())
        .isEqualTo(COPYRIGHT + "(目标:2026 年达到 70 万件)*");
    browser.findElement(By.id("progress")).sendKeys("全市高价值发明专利拥有量稳步增长。");
    new Select(browser.findElement(By.id("completionStatus"))).selectByValue("ON_TRACK");
    assertThat(browser.findElement(COMPLETE).isEnabled())
        .as("the lead's values are required")
        .isFalse();
    scrollTo(browser.findElement(By.id("indicator0"))).sendKeys("5.2");
    browser.findElement(By.id("indicator1")).sendKeys("71");
    session.screenshot("extension-lead-indicators.png");
    complete();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(taskLink(lead.getName())));
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(round.getId())
                .variableName(RoundVariables.REPORT)
                .list()
                .stream()
                .map(v -> (String) v.getValue())
                .filter(r -> r.contains("\"stage\":\"lead\""))
                .toList())
        .as("the lead's figures, as numbers, filed in its report")
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("\"indicatorValues\":{\"" + PATENTS + "\":5.2,\"" + COPYRIGHT + "\":71}");
    RoundFixture.runDueJobsOf(managementService, round);

    // the office's review shows the figures against the targets
    Task review = rounds.reviewTask(round);
    assertThat(review).as("the lead's report is in: the review is open").isNotNull();
    logOut();
    logIn(QUANZHOU_OFFICE);
    openTaskFromUnitInbox(review.getName());
    claim(By.id("reviewDecision"));
    WebElement patents =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//table//tr[td[1][.='" + PATENTS + "']]")));
    assertThat(patents.findElements(By.tagName("td")))
        .extracting(WebElement::getText)
        .containsExactly(PATENTS, "5.2 件", "2026 年不低于 6 件", "-0.8", "未达标");
    assertThat(patents.getDomAttribute("class")).contains("danger");
    WebElement copyright =
        browser.findElement(By.xpath("//table//tr[td[1][.='" + COPYRIGHT + "']]"));
    assertThat(copyright.findElements(By.tagName("td")))
        .extracting(WebElement::getText)
        .containsExactly(COPYRIGHT, "71 万件", "2026 年不低于 70 万件", "1", "达标");
    scrollTo(patents);
    session.screenshot("extension-review-targets.png");
  }

  /** The task's due date now (a claimed task is no longer in its candidate group's query). */
  private java.util.Date dueDate(Task task) {
    return taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate();
  }

  private Task policeTask() {
    ProcessInstance round =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey(DEMO_ROUND)
            .singleResult();
    return taskService
        .createTaskQuery()
        .processInstanceId(round.getId())
        .taskDefinitionKey(RoundElements.reportTask(RoundElements.CO_UNIT))
        .taskCandidateGroup(POLICE)
        .singleResult();
  }

  /**
   * Types a day into an {@code <input type="date">} as a person does: its fields (年/月/日 in Chinese,
   * month/day/year in the C locale a machine may give Chromium) in the order the browser's locale
   * shows them, from the first one on. Month and day move on by themselves after two digits, the
   * year (up to six digits) only on the arrow key.
   */
  private void typeDate(WebElement field, LocalDate day) {
    @SuppressWarnings("unchecked")
    List<String> order =
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return new Intl.DateTimeFormat(undefined, {year: 'numeric', month: '2-digit',"
                        + " day: '2-digit'}).formatToParts(new Date(2000, 10, 22))"
                        + ".map(function(p) { return p.type; })"
                        + ".filter(function(t) { return t !== 'literal'; });");
    scrollTo(field);
    for (int n = 0; n < order.size(); n++) {
      switch (order.get(n)) {
        case "year" -> {
          field.sendKeys(String.valueOf(day.getYear()));
          if (n < order.size() - 1) {
            field.sendKeys(Keys.ARROW_RIGHT);
          }
        }
        case "month" -> field.sendKeys(String.format("%02d", day.getMonthValue()));
        case "day" -> field.sendKeys(String.format("%02d", day.getDayOfMonth()));
        default -> throw new IllegalStateException("a date field " + order.get(n));
      }
    }
    assertThat(field.getDomProperty("value"))
        .as("the day typed in the fields %s", order)
        .isEqualTo(day.toString());
  }

  private WebElement scrollTo(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  private void logIn(String user) {
    Chromium.logIn(browser, port, "tasklist", user, "demo");
  }

  private void logOut() {
    browser.manage().deleteAllCookies();
  }

  private void complete() {
    scrollTo(wait.until(ExpectedConditions.elementToBeClickable(COMPLETE))).click();
  }

  private void openTaskFromUnitInbox(String taskName) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[contains(@class, 'task-filter')]//h4[contains(@class, 'name')]/a[contains(., '本单位待办')]")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(taskLink(taskName))).click();
  }

  /** The form stays disabled until the task is the user's own. */
  private void claim(By firstField) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(firstField));
  }

  private By taskLink(String taskName) {
    return By.xpath(
        "//ol[contains(@class, 'tasks-list')]//h4[contains(@class, 'task')]/a[contains(., '"
            + taskName
            + "')]");
  }
}
