package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.duban.names.RoundElements;
import org.duban.names.RoundVariables;
import org.duban.round.RoundFixture;
import org.duban.testsupport.DemoHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo round worked in Tasklist with a real (headless) Chromium. A co-unit's handler logs in,
 * opens the unit's inbox and the task, claims it, has a wrong file refused with the server's
 * message while the typed text stays, then submits a report with PDFs; the lead then sees every
 * co-unit's report, the supervisor returns the lead's report and the lead finds it again. The
 * server runs with other evidence limits than the defaults (4 files of at most 6 MB), so what the
 * report form offers can only have come from the server's settings. Skipped where Debian's chromium
 * and chromium-driver are not installed, except on CI, where that fails.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "duban.evidence.max-files=" + TasklistBrowserTest.MAX_FILES,
      "duban.evidence.max-file-size=6MB"
    })
@ActiveProfiles({"test", "demo"})
// works the demo round's police task, which other tests on this configuration expect untouched
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(Chromium.Installed.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistBrowserTest {

  static final int MAX_FILES = 4;
  static final long MAX_BYTES = 6L * 1024 * 1024;

  /** Tasklist's 完成 (Complete) button under the form; 保存 (Save) is the other one. */
  static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary");

  static final String POLICE = RoundFixture.POLICE;
  static final String LEAD = RoundFixture.LEAD;
  static final String SUPERVISOR = RoundFixture.SUPERVISOR;
  static final String ROUND = "wuzhong-2022/一.4-展会/2025";
  static final String TASK_NAME = "市公安局:2025年度 一.4-展会 建立展会知识产权保护机制";
  static final String PROGRESS = "完成全市 3 场展会的知识产权执法检查,\n查处侵权案件 2 起。";
  static final byte[] EXE = "MZ\u0090\u0000 not a document".getBytes(StandardCharsets.ISO_8859_1);
  static final byte[] PDF =
      ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
              + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
          .getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate http;

  @RegisterExtension final BrowserSession session = new BrowserSession("tasklist");
  WebDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void useTheSessionsBrowser() {
    browser = session.browser();
    wait = session.waitFor();
  }

  @Test
  @Order(1)
  void shouldLetAUnitRefuseABadFileKeepTheTextAndSubmitAReportWithPdfs() throws Exception {
    Task task = taskService.createTaskQuery().taskCandidateGroup(POLICE).singleResult();
    assertThat(task).as("the demo round's task in the police's inbox").isNotNull();
    assertThat(task.getName()).isEqualTo(TASK_NAME);
    assertThat(task.getAssignee()).as("nobody has claimed it yet").isNull();

    logIn(POLICE, "demo");
    // Tasklist binds the keyboard shortcuts its config.js lists (it has no defaults of its own)
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.showShortcutHelp")))
        .click();
    WebElement shortcuts =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".shortcut-modal")));
    assertThat(shortcuts.findElements(By.cssSelector("tbody tr")))
        .extracting(WebElement::getText)
        .contains("ctrl+alt+c 认领当前选中的任务")
        .hasSize(5);
    session.screenshot("tasklist-shortcuts.png");
    shortcuts.findElement(By.cssSelector(".modal-footer button")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".shortcut-modal")));
    openTaskFromUnitInbox(TASK_NAME);
    claim();

    // what the form offers comes from the server's settings: 4 fields of at most 6 MB, the server's
    // types
    List<WebElement> files = waitForEvidenceFields();
    assertThat(files).as("one file field per evidence file the server accepts").hasSize(MAX_FILES);
    for (int n = 1; n <= MAX_FILES; n++) {
      WebElement field = files.get(n - 1);
      assertThat(field.getDomAttribute("id")).isEqualTo("evidence" + n);
      assertThat(field.getDomAttribute("cam-max-filesize")).isEqualTo(String.valueOf(MAX_BYTES));
      assertThat(field.getDomAttribute("cam-variable-type"))
          .as("handed to the form SDK")
          .isEqualTo("File");
      assertThat(field.getDomAttribute("accept"))
          .isEqualTo(".pdf,.ofd,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.jpg,.jpeg,.png");
      assertThat(browser.findElement(By.cssSelector("label[for='evidence" + n + "']")).getText())
          .isEqualTo("佐证材料 " + n);
    }
    assertThat(browser.findElement(By.xpath("//h4[.='佐证材料']/following-sibling::p[1]")).getText())
        .isEqualTo("可上传 PDF、OFD、Word、Excel、PowerPoint、JPEG、PNG 文件,每个不超过 6 MB,最多 4 个。");
    assertThat(new Select(browser.findElement(By.id("completionStatus"))).getOptions())
        .extracting(WebElement::getText)
        .containsExactly("请选择", "已完成", "按计划推进", "进度滞后", "尚未启动");

    // the browser's own check: no submission while the required 工作进展 is empty
    WebElement progress = browser.findElement(By.id("progress"));
    new Select(browser.findElement(By.id("completionStatus"))).selectByValue("ON_TRACK");
    assertThat(browser.findElement(COMPLETE).isEnabled())
        .as("完成 is disabled while 工作进展 is empty")
        .isFalse();

    // a file over the server's cap is refused as soon as it is chosen, in Chinese, and the field
    // cleared
    String bigName = fileName("大文件.pdf", "big.pdf");
    byte[] big = java.util.Arrays.copyOf(PDF, (int) MAX_BYTES + 1);
    browser.findElement(By.id("evidence2")).sendKeys(session.file(bigName, big).toString());
    WebElement tooBig =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//input[@id='evidence2']/following-sibling::p[contains(@class, 'text-danger')]")));
    assertThat(tooBig.getText()).isEqualTo("「" + bigName + "」大小 6.0 MB,超过上限 6 MB,请重新选择。");
    assertThat(browser.findElement(By.id("evidence2")).getDomProperty("value"))
        .as("the file is not kept")
        .isEmpty();

    // a renamed executable passes the browser (accept= only steers the file picker); the server
    // refuses it
    progress.sendKeys(PROGRESS);
    String exeName = fileName("总结.exe", "summary.exe");
    browser.findElement(By.id("evidence1")).sendKeys(session.file(exeName, EXE).toString());
    complete();
    WebElement error =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".notifications .alert-danger")));
    assertThat(error.findElement(By.cssSelector(".message")).getText())
        .contains("报送未通过校验:佐证材料 1「" + exeName + "」的文件类型")
        .contains("不在允许范围内")
        .doesNotContain("Cannot submit task form");
    assertThat(progress.getDomProperty("value"))
        .as("the typed text survives the refusal")
        .isEqualTo(PROGRESS);
    assertThat(
            new Select(browser.findElement(By.id("completionStatus")))
                .getFirstSelectedOption()
                .getDomProperty("value"))
        .isEqualTo("ON_TRACK");

    // the corrected report (the notice dismissed first, so the screenshot shows the form as sent),
    // with a file in the fourth field, which only the server's max-files puts there
    error.findElement(By.cssSelector("button.close[ng-click^='removeNotification']")).click();
    wait.until(ExpectedConditions.invisibilityOf(error));
    new Select(browser.findElement(By.id("completionStatus"))).selectByValue("DONE");
    String pdfName = fileName("展会执法检查记录.pdf", "inspection-record.pdf");
    String fourthName = fileName("执法检查照片说明.pdf", "photos.pdf");
    browser.findElement(By.id("evidence1")).sendKeys(session.file(pdfName, PDF).toString());
    browser.findElement(By.id("evidence4")).sendKeys(session.file(fourthName, PDF).toString());
    session.screenshot("tasklist-report-form.png");
    By taskInList = taskLink(TASK_NAME);
    complete();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(taskInList));

    HistoricTaskInstance done =
        historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    assertThat(done.getEndTime()).as("completed").isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo(POLICE);
    assertThat(
            historyService
                .createUserOperationLogQuery()
                .taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .userId(POLICE)
                .count())
        .as("completed by the logged-in unit user")
        .isEqualTo(1);

    // the texts are filed in the stage's report, not kept a second time as the task's variables
    JsonNode filed = filedReport(done, POLICE);
    assertThat(filed.path("progress").asText()).isEqualTo(PROGRESS);
    assertThat(filed.path("completionStatus").asText()).isEqualTo("DONE");
    assertThat(filed.path("submittedBy").asText()).isEqualTo(POLICE);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .taskIdIn(done.getId())
                .variableNameIn("progress", "completionStatus")
                .includeDeleted()
                .count())
        .isZero();
    for (Map.Entry<String, String> file :
        Map.of("evidence1", pdfName, "evidence4", fourthName).entrySet()) {
      FileValue evidence = (FileValue) variable(done, file.getKey()).getTypedValue();
      assertThat(evidence.getFilename()).isEqualTo(file.getValue());
      try (InputStream stored = evidence.getValue()) {
        assertThat(stored.readAllBytes()).as("stored byte for byte").isEqualTo(PDF);
      }
    }
  }

  @Test
  @Order(2)
  void shouldRefuseAFileBeyondTheServersMaxFiles() throws Exception {
    String unit = "wuzhong-sifaju";
    Task task = taskService.createTaskQuery().taskCandidateGroup(unit).singleResult();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("progress", Map.of("value", "年度进展", "type", "String"));
    variables.put("completionStatus", Map.of("value", "ON_TRACK", "type", "String"));
    for (int n = 1; n <= MAX_FILES + 1; n++) {
      variables.put(
          "evidence" + n,
          Map.of(
              "value",
              java.util.Base64.getEncoder().encodeToString(PDF),
              "type",
              "File",
              "valueInfo",
              Map.of("filename", "材料" + n + ".pdf", "mimetype", "application/pdf")));
    }
    ResponseEntity<String> refused =
        new DemoHttp(http)
            .exchange(
                unit,
                HttpMethod.POST,
                "/engine-rest/task/" + task.getId() + "/submit-form",
                Map.of("variables", variables));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody())
        .contains("没有字段「evidence" + (MAX_FILES + 1) + "」")
        .contains("evidence" + MAX_FILES + "(佐证材料 " + MAX_FILES + ")");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count())
        .as("nothing was filed")
        .isEqualTo(1);
  }

  @Test
  @Order(3)
  void shouldShowTheLeadEveryCoUnitReportAndTheSupervisorTheRoundThenTheReturnedReport()
      throws Exception {
    // the other co-units report through the engine, each as its own handler
    RoundFixture round = new RoundFixture(engine);
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            // the round, not the deliveries that carry its key
            .processDefinitionKey(RoundFixture.KEY)
            .processInstanceBusinessKey(ROUND)
            .singleResult();
    for (String unit : RoundFixture.CO_UNITS) {
      if (!unit.equals(POLICE)) {
        round.submit(instance, RoundElements.CO_UNIT, unit);
      }
    }
    round.runDueJobs();
    Task leadTask = round.leadTask(instance);
    assertThat(leadTask).as("all co-units in: the lead's task is open").isNotNull();

    // the lead sees every co-unit's report in the shared table, the police's first files included
    logIn(LEAD, "demo");
    openTaskFromUnitInbox(leadTask.getName());
    claim();
    List<WebElement> rows =
        browser.findElements(By.cssSelector("table.duban-co-unit-reports tbody tr"));
    assertThat(rows).as("one row per co-unit").hasSize(RoundFixture.CO_UNITS.size());
    assertThat(browser.findElement(By.cssSelector("table.duban-co-unit-reports")).getText())
        .contains("市公安局")
        .contains("已完成")
        .contains("按计划推进")
        .contains("查处侵权案件 2 起")
        .contains(fileName("展会执法检查记录.pdf", "inspection-record.pdf"));
    assertThat(waitForEvidenceFields()).hasSize(MAX_FILES);
    browser.findElement(By.id("progress")).sendKeys("汇总:各成员单位均已报送。");
    new Select(browser.findElement(By.id("completionStatus"))).selectByValue("ON_TRACK");

    // 保存 keeps the draft in the browser: after a reload the text and the choice are back, the
    // choice among options that arrive from the server only after the form SDK has applied the
    // draft
    WebElement save =
        browser.findElement(
            By.xpath("//div[contains(@class, 'form-actions')]//button[normalize-space(.)='保存']"));
    // below a long form the page footer would take the click
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", save);
    save.click();
    browser.navigate().refresh();
    wait.until(ExpectedConditions.attributeToBe(By.id("progress"), "value", "汇总:各成员单位均已报送。"));
    waitForEvidenceFields();
    wait.until(
        driver ->
            "ON_TRACK"
                .equals(
                    new Select(driver.findElement(By.id("completionStatus")))
                        .getFirstSelectedOption()
                        .getDomProperty("value")));
    session.screenshot("tasklist-lead-form.png");
    complete();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(taskLink(leadTask.getName())));
    round.runDueJobs();

    // the supervisor reviews: the lead's report, the same table, choices and rules from the server
    Task review = round.reviewTask(instance);
    logOut();
    logIn(SUPERVISOR, "demo");
    openTaskFromUnitInbox(review.getName());
    claim(By.id("reviewDecision"));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#reviewRating option"), 5));
    assertThat(browser.findElements(By.cssSelector("table.duban-co-unit-reports tbody tr")))
        .hasSize(RoundFixture.CO_UNITS.size());
    assertThat(
            browser.findElement(By.xpath("//h4[.='牵头单位汇总报送']/following-sibling::div[1]")).getText())
        .contains("汇总:各成员单位均已报送。")
        .contains("按计划推进");
    // 2025 ends Wuzhong's plan: 销号 is offered, as only in a plan's final year
    assertThat(runtimeService.getVariable(instance.getId(), "finalYear")).isEqualTo(true);
    assertThat(new Select(browser.findElement(By.id("reviewDecision"))).getOptions())
        .extracting(WebElement::getText)
        .containsExactly("请选择", "办结", "退回牵头单位", "销号(规划末年,任务完成)");
    assertThat(new Select(browser.findElement(By.id("reviewRating"))).getOptions())
        .extracting(WebElement::getText)
        .containsExactly("请选择", "优秀", "良好", "一般", "差");
    assertThat(
            browser
                .findElement(By.xpath("//select[@id='reviewRating']/following-sibling::p"))
                .getText())
        .isEqualTo("评价为「优秀」时,按时报送且完成情况为「已完成」或「按计划推进」的单位由系统自动记录通报表扬(督办单位自身汇总的除外)。");
    assertThat(browser.findElement(By.id("returnReason")).isDisplayed()).isFalse();
    new Select(browser.findElement(By.id("reviewDecision"))).selectByValue("RETURN");
    WebElement reason =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("returnReason")));
    assertThat(browser.findElement(COMPLETE).isEnabled()).as("a return needs its reason").isFalse();
    reason.sendKeys("请补充展会执法检查的统计数据。");
    session.screenshot("tasklist-review-form.png");
    complete();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(taskLink(review.getName())));
    round.runDueJobs();

    // the lead finds its report returned: the reason, the previous submission, the form filled from
    // it
    Task returned = round.leadTask(instance);
    assertThat(returned).as("returned to the lead").isNotNull();
    logOut();
    logIn(LEAD, "demo");
    openTaskFromUnitInbox(returned.getName());
    claim();
    assertThat(
            browser
                .findElement(By.xpath("//div[contains(@class, 'alert')][contains(., '督办审核退回意见')]"))
                .getText())
        .contains("请补充展会执法检查的统计数据。");
    assertThat(
            browser
                .findElement(
                    By.xpath("//div[contains(@class, 'panel-heading')][contains(., '上次报送')]"))
                .getText())
        .startsWith("上次报送(已被退回");
    wait.until(ExpectedConditions.attributeToBe(By.id("progress"), "value", "汇总:各成员单位均已报送。"));
    assertThat(
            new Select(browser.findElement(By.id("completionStatus")))
                .getFirstSelectedOption()
                .getText())
        .as("the previous completion status, chosen among the server's options")
        .isEqualTo("按计划推进");
    assertThat(browser.findElements(By.cssSelector("table.duban-co-unit-reports tbody tr")))
        .hasSize(RoundFixture.CO_UNITS.size());
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'});",
            browser.findElement(By.id("progress")));
    session.screenshot("tasklist-returned-form.png");
  }

  private void logIn(String user, String password) {
    Chromium.logIn(browser, port, "tasklist", user, password);
  }

  /**
   * Clicks 完成, scrolled into view first: below a long form the page footer would take the click.
   */
  private void complete() {
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  /**
   * The report form's file fields, once the server's settings have rendered them and the SDK has
   * them.
   */
  private List<WebElement> waitForEvidenceFields() {
    wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("input[type='file'][cam-variable-name]"), MAX_FILES));
    return browser.findElements(By.cssSelector("input[type='file']"));
  }

  /**
   * A fresh session for the next user: the webapp's session cookie goes, and Tasklist asks for a
   * login again.
   */
  private void logOut() {
    browser.manage().deleteAllCookies();
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
  private void claim() {
    claim(By.id("progress"));
  }

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

  /** The report a unit's task filed in its stage, as history keeps it. */
  private JsonNode filedReport(HistoricTaskInstance task, String unit) {
    List<JsonNode> filed =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .variableName(RoundVariables.REPORT)
            .list()
            .stream()
            .map(v -> readJson((String) v.getValue()))
            .filter(r -> unit.equals(r.path("unit").asText()))
            .toList();
    assertThat(filed).as("the report %s filed", unit).hasSize(1);
    return filed.get(0);
  }

  private static JsonNode readJson(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A file the unit submitted with its form: kept in history local to its task. */
  private HistoricVariableInstance variable(HistoricTaskInstance task, String name) {
    List<HistoricVariableInstance> found =
        historyService
            .createHistoricVariableInstanceQuery()
            .taskIdIn(task.getId())
            .variableName(name)
            .includeDeleted()
            .list();
    assertThat(found).as("%s submitted with the police's task", name).hasSize(1);
    return found.get(0);
  }

  /** Chinese file names where the JVM can write them (sun.jnu.encoding), ASCII ones elsewhere. */
  private static String fileName(String chinese, String ascii) {
    return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"))
            .newEncoder()
            .canEncode(chinese)
        ? chinese
        : ascii;
  }
}
