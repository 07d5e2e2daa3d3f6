package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database file reached through its dialect's JDBC driver.
 *
 * @param dialect the database's dialect
 * @param path the database file
 * @param display the file as the user wrote it, for messages
 */
public record DatabaseFile(Dialect dialect, Path path, String display) {
  public DatabaseFile {
    requireNonNull(dialect, "dialect is null");
    requireNonNull(path, "path is null");
    requireNonNull(display, "display is null");
  }

  /**
   * Opens a new connection; the caller closes it.
   *
   * @param entity the entity, for messages
   * @param kind {@code HOME} or {@code STORE}, the kind of the error when this fails
   * @throws HyggeException of {@code kind} when the driver is missing or the file cannot be opened
   */
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
      return DriverManager.getConnection(dialect.url(path));
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
