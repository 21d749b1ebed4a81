package org.duban.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium as the browser tests drive it: in Chinese, in the offices' time zone,
 * with an explicit driver (Selenium Manager never looks for or downloads one), and the webapps'
 * login.
 */
final class Chromium {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  static WebDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // tall enough that the whole report form is in the screenshot
        "--window-size=1400,1300",
        "--user-data-dir=" + profile);
    // the webapps pick their language from Accept-Language; --lang is ignored in headless mode
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            // the offices' time zone, so the webapps show dates as the units see them
            .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
            .build();
    return new ChromeDriver(service, options);
  }

  static WebDriverWait waitFor(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  /** Opens a webapp (tasklist, cockpit, admin, welcome) and logs in on its login page. */
  static void logIn(WebDriver browser, int port, String app, String user, String password) {
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/");
    waitFor(browser)
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    browser.findElement(By.cssSelector("form button[type='submit']")).click();
  }

  /**
   * Disables a test class, with the reason in the test report, before the Spring context starts, so
   * a machine without a browser skips in no time. With CI set a missing browser fails instead.
   */
  static class Installed implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      List<Path> missing =
          Stream.of(BINARY, DRIVER).filter(path -> !Files.isExecutable(path)).toList();
      if (missing.isEmpty()) {
        return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
      }
      String why =
          "no "
              + missing
              + ": Debian's chromium and chromium-driver are not installed (.ci/chromium.sh installs them)";
      String ci = System.getenv("CI");
      if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
        throw new IllegalStateException(
            why + "; CI=" + ci + ": on CI the browser test must run, not be skipped");
      }
      // surefire keeps a skip's reason in its XML report only: say it on the console too
      String test = context.getTestClass().map(Class::getSimpleName).orElse("browser test");
      System.err.println(test + " skipped: " + why);
      return ConditionEvaluationResult.disabled(why + "; skipping " + test);
    }
  }
}
