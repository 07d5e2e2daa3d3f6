package dev.hygge.jdbc.duckdb;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.jdbc.Database;
import dev.hygge.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A MotherDuck database, {@code md:<name>}, reached through DuckDB with an access token. The token
 * never appears in messages or in {@link #toString()}.
 *
 * @param database the database as written, {@code md:<name>}
 * @param token the MotherDuck access token
 */
public record MotherDuckDatabase(String database, String token) implements Database {
  /** How a MotherDuck database is written in {@code database:}. */
  public static final String PREFIX = "md:";

  /** The DuckDB connection property carrying the token. */
  static final String TOKEN_PROPERTY = "motherduck_token";

  private static final String JDBC_PREFIX = "jdbc:duckdb:";
  private static final String MASK = "****";

  public MotherDuckDatabase {
    requireNonNull(database, "database is null");
    requireNonNull(token, "token is null");
    if (!database.startsWith(PREFIX)) {
      throw new IllegalArgumentException("database must start with " + PREFIX);
    }
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
  }

  @Override
  public Dialect dialect() {
    return new DuckDbDialect();
  }

  @Override
  public String display() {
    return database;
  }

  /** The JDBC URL, {@code jdbc:duckdb:md:<name>}; the token travels as a property, not here. */
  String url() {
    return JDBC_PREFIX + database;
  }

  /** The connection properties: the token as {@code motherduck_token}. */
  Properties properties() {
    Properties properties = new Properties();
    properties.setProperty(TOKEN_PROPERTY, token);
    return properties;
  }

  @Override
  public Connection connect(String entity, ErrorKind kind) {
    Dialect dialect = dialect();
    try {
      Class.forName(dialect.driverClass());
    } catch (ClassNotFoundException e) {
      throw new HyggeException(
          kind,
          "Cannot open MotherDuck database "
              + database
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
      return DriverManager.getConnection(url(), properties());
    } catch (SQLException e) {
      throw new HyggeException(
          kind,
          "Cannot open MotherDuck database "
              + database
              + " for entity "
              + entity
              + ": "
              + String.valueOf(e.getMessage()).replace(token, MASK)
              + " (check the motherduck credential's token and that the database exists).",
          e);
    }
  }

  @Override
  public String toString() {
    return "MotherDuckDatabase[database=" + database + ", token=" + MASK + "]";
  }
}
