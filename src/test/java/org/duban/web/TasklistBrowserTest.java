package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.duban.round.RoundFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A co-unit's handler works the demo round's task in Tasklist with a real (headless) Chromium:
 * logs in, opens the unit's inbox and the task, claims it, has a wrong file refused with the
 * server's message while the typed text stays, then submits a report with a PDF. Skipped where
 * Debian's chromium and chromium-driver are not installed, except on CI, where that fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
// works the demo round's police task, which other tests on this configuration expect untouched
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(TasklistBrowserTest.BrowserInstalled.class)
class TasklistBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Tasklist's 完成 (Complete) button under the form; 保存 (Save) is the other one. */
  static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String POLICE = RoundFixture.POLICE;
  static final String TASK_NAME = "市公安局:2025年度 一.4-展会 建立展会知识产权保护机制";
  static final String PROGRESS = "完成全市 3 场展会的知识产权执法检查,\n查处侵权案件 2 起。";
  static final byte[] EXE = "MZ\u0090\u0000 not a document".getBytes(StandardCharsets.ISO_8859_1);
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
      + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  WebDriver browser;
  WebDriverWait wait;
  Path temp;

  // leaves the page's HTML and a picture behind when a step fails: Tasklist's DOM is the usual suspect
  @RegisterExtension
  final AfterTestExecutionCallback keepEvidenceOfFailure = context -> {
    if (context.getExecutionException().isPresent() && browser != null) {
      Files.createDirectories(SCREENSHOTS);
      Files.writeString(SCREENSHOTS.resolve("tasklist-failure.html"), browser.getPageSource());
      Files.write(SCREENSHOTS.resolve("tasklist-failure.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
  };

  @BeforeEach
  void startBrowser() throws IOException {
    temp = Files.createTempDirectory("duban-browser");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        // tall enough that the whole report form is in the screenshot
        "--window-size=1400,1300",
        "--user-data-dir=" + temp.resolve("profile"));
    // Tasklist picks its language from Accept-Language; --lang is ignored in headless mode
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    // an explicit driver: Selenium Manager never looks for (or downloads) one
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        // the offices' time zone, so Tasklist shows dates as the units see them
        .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
        .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void quitBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (temp != null) {
      try (Stream<Path> files = Files.walk(temp)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void shouldLetAUnitRefuseABadFileKeepTheTextAndSubmitAReportWithAPdf() throws Exception {
    Task task = taskService.createTaskQuery().taskCandidateGroup(POLICE).singleResult();
    assertThat(task).as("the demo round's task in the police's inbox").isNotNull();
    assertThat(task.getName()).isEqualTo(TASK_NAME);
    assertThat(task.getAssignee()).as("nobody has claimed it yet").isNull();

    logIn(POLICE, "demo");
    openTaskFromUnitInbox();
    claim();

    // the browser's own check: no submission while the required 工作进展 is empty
    WebElement progress = browser.findElement(By.id("progress"));
    new Select(browser.findElement(By.id("completionStatus"))).selectByValue("ON_TRACK");
    assertThat(browser.findElement(COMPLETE).isEnabled()).as("完成 is disabled while 工作进展 is empty").isFalse();

    // a renamed executable passes the browser (accept= only steers the file picker); the server refuses it
    progress.sendKeys(PROGRESS);
    String exeName = fileName("总结.exe", "summary.exe");
    browser.findElement(By.id("evidence1")).sendKeys(write(exeName, EXE).toString());
    wait.until(ExpectedConditions.elementToBeClickable(COMPLETE)).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notifications .alert-danger")));
    assertThat(error.findElement(By.cssSelector(".message")).getText())
        .contains("报送未通过校验:佐证材料 1「" + exeName + "」的文件类型").contains("不在允许范围内")
        .doesNotContain("Cannot submit task form");
    assertThat(progress.getDomProperty("value")).as("the typed text survives the refusal").isEqualTo(PROGRESS);
    assertThat(new Select(browser.findElement(By.id("completionStatus"))).getFirstSelectedOption().getDomProperty("value"))
        .isEqualTo("ON_TRACK");

    // the corrected report (the notice dismissed first, so the screenshot shows the form as sent)
    error.findElement(By.cssSelector("button.close[ng-click^='removeNotification']")).click();
    wait.until(ExpectedConditions.invisibilityOf(error));
    new Select(browser.findElement(By.id("completionStatus"))).selectByValue("DONE");
    String pdfName = fileName("展会执法检查记录.pdf", "inspection-record.pdf");
    browser.findElement(By.id("evidence1")).sendKeys(write(pdfName, PDF).toString());
    screenshot("tasklist-report-form.png");
    By taskInList = taskLink();
    wait.until(ExpectedConditions.elementToBeClickable(COMPLETE)).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(taskInList));

    HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    assertThat(done.getEndTime()).as("completed").isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    assertThat(done.getAssignee()).isEqualTo(POLICE);
    assertThat(historyService.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).userId(POLICE).count())
        .as("completed by the logged-in unit user").isEqualTo(1);

    assertThat(variable(done, "progress").getValue()).isEqualTo(PROGRESS);
    assertThat(variable(done, "completionStatus").getValue()).isEqualTo("DONE");
    FileValue evidence = (FileValue) variable(done, "evidence1").getTypedValue();
    assertThat(evidence.getFilename()).isEqualTo(pdfName);
    try (InputStream stored = evidence.getValue()) {
      assertThat(stored.readAllBytes()).as("stored byte for byte").isEqualTo(PDF);
    }
  }

  private void logIn(String user, String password) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("form button[type='submit']")).click();
  }

  private void openTaskFromUnitInbox() {
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class, 'task-filter')]//h4[contains(@class, 'name')]/a[contains(., '本单位待办')]")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(taskLink())).click();
  }

  /** The form stays disabled until the task is the user's own. */
  private void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("progress")));
  }

  private By taskLink() {
    return By.xpath("//ol[contains(@class, 'tasks-list')]//h4[contains(@class, 'task')]/a[contains(., '" + TASK_NAME + "')]");
  }

  /** A value the unit submitted with its form: kept in history local to its task. */
  private HistoricVariableInstance variable(HistoricTaskInstance task, String name) {
    List<HistoricVariableInstance> found = historyService.createHistoricVariableInstanceQuery()
        .taskIdIn(task.getId()).variableName(name).includeDeleted().list();
    assertThat(found).as("%s submitted with the police's task", name).hasSize(1);
    return found.get(0);
  }

  /**
   * Disables the class, with the reason in the test report, before the Spring context starts, so a
   * machine without a browser skips in no time. With CI set a missing browser fails instead.
   */
  static class BrowserInstalled implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(path -> !Files.isExecutable(path)).toList();
      if (missing.isEmpty()) {
        return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
      }
      String why = "no " + missing + ": Debian's chromium and chromium-driver are not installed (.ci/chromium.sh installs them)";
      String ci = System.getenv("CI");
      if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
        throw new IllegalStateException(why + "; CI=" + ci + ": on CI the browser test must run, not be skipped");
      }
      // surefire keeps a skip's reason in its XML report only: say it on the console too
      System.err.println("TasklistBrowserTest skipped: " + why);
      return ConditionEvaluationResult.disabled(why + "; skipping the Tasklist browser test");
    }
  }

  /** Chinese file names where the JVM can write them (sun.jnu.encoding), ASCII ones elsewhere. */
  private static String fileName(String chinese, String ascii) {
    return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).newEncoder().canEncode(chinese) ? chinese : ascii;
  }

  private Path write(String name, byte[] content) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("upload-" + System.nanoTime()));
    return Files.write(dir.resolve(name), content);
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
