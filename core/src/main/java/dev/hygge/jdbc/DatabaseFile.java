package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A database file reached through its dialect's JDBC driver.
 *
 * @param dialect the database's dialect
 * @param path the database file
 * @param display the file as the user wrote it, for messages
 */
public record DatabaseFile(FileDialect dialect, Path path, String display) implements Database {
  /**
   * One lock per file, held while a connection opens: DuckDB's driver keeps one database instance
   * per file for the process, and two threads creating it at the same moment fail with "Unique file
   * handle conflict" (entities of one run opening the same file).
   */
  private static final Map<Path, Object> OPENING = new ConcurrentHashMap<>();

  public DatabaseFile {
    requireNonNull(dialect, "dialect is null");
    requireNonNull(path, "path is null");
    requireNonNull(display, "display is null");
  }

  /** A missing file fails: a home never creates one. */
  @Override
  public void requireReadable(String entity) {
    if (!java.nio.file.Files.isRegularFile(path)) {
      throw HyggeException.home(
          "Cannot read entity "
              + entity
              + ": "
              + dialect.name()
              + " database file "
              + display
              + " does not exist (check 'database:').",
          null);
    }
  }

  /**
   * Opens a new connection; the caller closes it.
   *
   * @throws HyggeException of {@code kind} when the driver is missing or the file cannot be opened
   */
  @Override
  public Connection connect(String entity, ErrorKind kind) {
    try {
      Class.forName(dialect.driverClass());
    } catch (ClassNotFoundException e) {
      throw new HyggeException(
          kind,
          "Cannot open "
              + dialect.name()
              + " database "
              + display
              + " for entity "
              + entity
              + ": the JDBC driver "
              + dialect.driverClass()
              + " is not on the class path (add the dependency "
              + dialect.driverArtifact()
              + ").",
          e);
    }
    try {
      synchronized (OPENING.computeIfAbsent(path.toAbsolutePath().normalize(), p -> new Object())) {
        return DriverManager.getConnection(dialect.url(path));
      }
    } catch (SQLException e) {
      throw new HyggeException(
          kind,
          "Cannot open "
              + dialect.name()
              + " database "
              + display
              + " for entity "
              + entity
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
