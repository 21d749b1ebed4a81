package org.duban.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One fresh headless Chromium per test ({@link Chromium}), with its own profile and upload folder,
 * quit and deleted afterwards. A failed test leaves the page's HTML and a picture in
 * target/screenshots: the webapps' DOM is the usual suspect.
 */
final class BrowserSession
    implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final String name;
  private Path temp;
  private WebDriver browser;
  private WebDriverWait wait;

  BrowserSession(String name) {
    this.name = name;
  }

  WebDriver browser() {
    return browser;
  }

  WebDriverWait waitFor() {
    return wait;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    temp = Files.createTempDirectory("duban-" + name);
    browser = Chromium.start(temp.resolve("profile"));
    wait = Chromium.waitFor(browser);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    if (context.getExecutionException().isPresent() && browser != null) {
      String failure = name + "-failure-" + context.getRequiredTestMethod().getName();
      Files.createDirectories(SCREENSHOTS);
      Files.writeString(SCREENSHOTS.resolve(failure + ".html"), browser.getPageSource());
      screenshot(failure + ".png");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
    if (temp != null) {
      try (Stream<Path> files = Files.walk(temp)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
      temp = null;
    }
  }

  /** A picture of the page, for the README and for a person checking the run. */
  void screenshot(String fileName) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(
        SCREENSHOTS.resolve(fileName),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** A file to upload, in a folder of its own so that its name is exactly the one given. */
  Path file(String fileName, byte[] content) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("upload-" + System.nanoTime()));
    return Files.write(dir.resolve(fileName), content);
  }
}
