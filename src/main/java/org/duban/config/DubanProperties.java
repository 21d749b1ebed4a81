package org.duban.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything an operator may set, under the prefix {@code duban}. Defaults suit the embedded demo.
 *
 * @param zone the time zone of the plans' calendars (due dates are days in this zone)
 */
@ConfigurationProperties("duban")
public record DubanProperties(
    ZoneId zone,
    Catalog catalog,
    Evidence evidence,
    History history,
    Login login,
    Demo demo,
    Documents documents) {

  public DubanProperties {
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    catalog = catalog == null ? new Catalog(null, null, null) : catalog;
    evidence = evidence == null ? new Evidence(null, null, null) : evidence;
    history = history == null ? new History(null) : history;
    login = login == null ? new Login(null, null) : login;
    demo = demo == null ? new Demo(false, null, null, null) : demo;
    documents = documents == null ? new Documents(null) : documents;
  }

  /**
   * @param locations Spring resource patterns of the shipped catalog files
   * @param importDir where catalogs deployed by supervisors over REST are kept (read at start-up
   *     too)
   * @param maxRequestSize the cap on a plan document or catalog sent to /api/plans and
   *     /api/plans/import
   */
  public record Catalog(
      List<String> locations, java.nio.file.Path importDir, DataSize maxRequestSize) {
    public Catalog {
      locations =
          locations == null || locations.isEmpty()
              ? List.of("classpath*:plans/*.yaml")
              : List.copyOf(locations);
      importDir = importDir == null ? java.nio.file.Path.of("plans-imported") : importDir;
      maxRequestSize = maxRequestSize == null ? DataSize.ofKilobytes(512) : maxRequestSize;
    }

    public List<String> allLocations() {
      List<String> all = new java.util.ArrayList<>(locations);
      all.add("file:" + importDir.toAbsolutePath() + "/*.yaml");
      return all;
    }
  }

  /**
   * @param maxFileSize the cap on one evidence file
   * @param maxFiles evidence files one report may carry
   * @param allowedTypes media types accepted, as detected from the file's content
   */
  public record Evidence(DataSize maxFileSize, Integer maxFiles, List<String> allowedTypes) {
    public Evidence {
      maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
      maxFiles = maxFiles == null ? 3 : maxFiles;
      allowedTypes =
          allowedTypes == null || allowedTypes.isEmpty()
              ? DEFAULT_TYPES
              : List.copyOf(allowedTypes);
    }

    static final List<String> DEFAULT_TYPES =
        List.of(
            "application/pdf",
            "application/ofd",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "image/jpeg",
            "image/png");
  }

  /**
   * @param timeToLiveDays how long finished rounds stay in history (Chinese archives keep records
   *     10+ years)
   */
  public record History(Integer timeToLiveDays) {
    public History {
      timeToLiveDays = timeToLiveDays == null ? 3650 : timeToLiveDays;
    }
  }

  /**
   * Brute-force protection of logins: after each wrong password the engine refuses that user's next
   * login for a while, doubling from {@code firstDelay} up to {@code maxDelay}. It never locks an
   * account for good (logins are public group ids: anyone could lock anyone, the administrator
   * too).
   *
   * @param firstDelay the wait after the first wrong password
   * @param maxDelay the longest wait, however many wrong passwords came before
   */
  public record Login(Duration firstDelay, Duration maxDelay) {
    public Login {
      firstDelay = firstDelay == null ? Duration.ofSeconds(3) : firstDelay;
      maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
    }
  }

  /**
   * The demo profile's data.
   *
   * @param enabled whether the demo users and round are created
   * @param round which round the demo starts, as "planId/taskNumber/year"
   * @param leadDueIn the demo round's lead deadline, counted from start-up so that it lies ahead
   * @param password every demo user's password; without one there is no demo data (the demo
   *     administrator's is camunda.bpm.admin-user.password)
   */
  public record Demo(boolean enabled, String round, Duration leadDueIn, String password) {
    public Demo {
      round = round == null ? "wuzhong-2022/一.4-展会/2025" : round;
      leadDueIn = leadDueIn == null ? Duration.ofDays(30) : leadDueIn;
    }
  }

  /**
   * Printable documents (notices, dossiers).
   *
   * @param pdfFont a TrueType font file (.ttf, or .ttc with ",0") embedded in every PDF, e.g.
   *     /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0; without one, PDFs name Adobe's standard
   *     Chinese font STSong-Light, which WPS, Adobe Reader and browsers supply themselves
   */
  public record Documents(String pdfFont) {}
}
