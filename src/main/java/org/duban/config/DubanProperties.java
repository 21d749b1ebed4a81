package org.duban.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
    Documents documents,
    Delivery delivery,
    Startup startup) {

  public DubanProperties {
    zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    catalog = catalog == null ? new Catalog(null, null, null) : catalog;
    evidence = evidence == null ? new Evidence(null, null, null) : evidence;
    history = history == null ? new History(null, null) : history;
    login = login == null ? new Login(null, null) : login;
    demo = demo == null ? new Demo(false, null, null, null) : demo;
    documents = documents == null ? new Documents(null) : documents;
    delivery = delivery == null ? new Delivery(null, false, null, null, null, null) : delivery;
    startup = startup == null ? new Startup(null) : startup;
  }

  /**
   * Start-up on a database shared by several nodes.
   *
   * @param lockWait how long a node waits for another one to finish starting before it gives up
   *     (the other node may hang, or its connection linger after a host crash)
   */
  public record Startup(Duration lockWait) {
    public Startup {
      lockWait = lockWait == null ? Duration.ofMinutes(10) : lockWait;
    }
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
   * @param cleanup when and how fast the engine removes history past its time to live
   */
  public record History(Integer timeToLiveDays, Cleanup cleanup) {
    public History {
      timeToLiveDays = timeToLiveDays == null ? 3650 : timeToLiveDays;
      cleanup = cleanup == null ? new Cleanup(null, null, null, null) : cleanup;
    }
  }

  /**
   * The engine's history cleanup (removal-time based): each night between {@code windowStart} and
   * {@code windowEnd}, in the plans' zone, its jobs remove history whose removal time has passed,
   * at most {@code batchSize} rows of each history table per transaction, so that the day's work
   * never waits behind one long delete.
   *
   * @param windowStart when the nightly window opens (plans' zone)
   * @param windowEnd when it closes (plans' zone; before the start means the next morning)
   * @param batchSize rows of each history table one cleanup transaction removes (1–500, the
   *     engine's maximum)
   * @param degreeOfParallelism cleanup jobs that share the work by minute of removal time (1–8)
   */
  public record Cleanup(
      java.time.LocalTime windowStart,
      java.time.LocalTime windowEnd,
      Integer batchSize,
      Integer degreeOfParallelism) {
    public Cleanup {
      windowStart = windowStart == null ? java.time.LocalTime.of(1, 0) : windowStart;
      windowEnd = windowEnd == null ? java.time.LocalTime.of(5, 0) : windowEnd;
      batchSize = batchSize == null ? 100 : batchSize;
      degreeOfParallelism = degreeOfParallelism == null ? 1 : degreeOfParallelism;
      if (batchSize < 1 || batchSize > 500) {
        throw new IllegalArgumentException(
            "duban.history.cleanup.batch-size must be 1–500, is " + batchSize);
      }
      if (degreeOfParallelism < 1 || degreeOfParallelism > 8) {
        throw new IllegalArgumentException(
            "duban.history.cleanup.degree-of-parallelism must be 1–8, is " + degreeOfParallelism);
      }
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

  /**
   * Delivery of reminders and notices to the people they concern: e-mail, DingTalk and WeCom group
   * robots, and (demo) a local outbox. Each message is a job of the engine, retried and then an
   * incident.
   *
   * @param tasklistUrl Tasklist's address as recipients open it; a message links its task under it
   * @param outbox also deliver every message to the local outbox (the log and the delivery
   *     history), the demo's channel that needs no configuration
   * @param retryCycle the job executor's retries of a failed delivery (ISO 8601 repetitions, e.g.
   *     R4/PT5M: four attempts in all, five minutes apart); after the last one, an incident
   * @param timeout the longest a webhook call may take
   * @param mailFrom the sender of e-mails (defaults to spring.mail.username)
   * @param contacts per unit or office group id: where it is reached
   */
  public record Delivery(
      String tasklistUrl,
      boolean outbox,
      String retryCycle,
      Duration timeout,
      String mailFrom,
      Map<String, Contact> contacts) {
    public Delivery {
      tasklistUrl =
          tasklistUrl == null || tasklistUrl.isBlank()
              ? "http://localhost:8080/camunda/app/tasklist/default/"
              : tasklistUrl;
      retryCycle = retryCycle == null || retryCycle.isBlank() ? "R4/PT5M" : retryCycle;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
    }
  }

  /**
   * Where one unit or office is reached; any of them, or none. Secrets come from the environment
   * through placeholders, e.g. {@code dingtalk-secret: ${WUZHONG_GONGANJU_DINGTALK_SECRET}}.
   *
   * @param email an e-mail address (needs spring.mail.host)
   * @param dingtalkWebhook the DingTalk group robot's webhook, with its access_token
   * @param dingtalkSecret the robot's signing secret (加签), if it signs
   * @param wecomWebhook the WeCom group robot's webhook, with its key
   */
  public record Contact(
      String email, String dingtalkWebhook, String dingtalkSecret, String wecomWebhook) {}
}
