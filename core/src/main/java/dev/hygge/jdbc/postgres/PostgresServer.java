package dev.hygge.jdbc.postgres;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.jdbc.Database;
import dev.hygge.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL database on a server, reached through pgjdbc. The password never appears in messages
 * or in {@link #toString()}.
 *
 * @param url the JDBC URL, {@code jdbc:postgresql://host:port/database}
 * @param user the user, unless the URL or the driver's defaults give it
 * @param password the password, when the server asks for one
 */
public record PostgresServer(String url, Optional<String> user, Optional<String> password)
    implements Database {
  /** How every PostgreSQL JDBC URL starts. */
  public static final String URL_PREFIX = "jdbc:postgresql:";

  private static final String MASK = "***";

  /** SQLSTATE class 28: invalid authorization specification, e.g. 28P01 invalid password. */
  private static final String INVALID_AUTHORIZATION_CLASS = "28";

  public PostgresServer {
    requireNonNull(url, "url is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    if (!url.startsWith(URL_PREFIX)) {
      throw new IllegalArgumentException("url must start with " + URL_PREFIX);
    }
  }

  @Override
  public Dialect dialect() {
    return new PostgresDialect();
  }

  /** The URL without its parameters, which may carry a password. */
  @Override
  public String display() {
    int parameters = url.indexOf('?');
    return parameters < 0 ? url : url.substring(0, parameters);
  }

  @Override
  public Connection connect(String entity, ErrorKind kind) {
    Dialect dialect = dialect();
    try {
      Class.forName(dialect.driverClass());
    } catch (ClassNotFoundException e) {
      throw new HyggeException(
          kind,
          "Cannot connect to PostgreSQL database "
              + display()
              + " for entity "
              + entity
              + ": the JDBC driver "
              + dialect.driverClass()
              + " is not on the class path (add the dependency "
              + dialect.driverArtifact()
              + ").",
          e);
    }
    Properties properties = new Properties();
    user.ifPresent(u -> properties.setProperty("user", u));
    password.ifPresent(p -> properties.setProperty("password", p));
    try {
      return DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      if (refusedCredentials(e)) {
        throw new HyggeException(
            ErrorKind.CREDENTIAL,
            "Cannot connect to PostgreSQL database "
                + display()
                + user.map(u -> " as user " + u).orElse("")
                + " for entity "
                + entity
                + ": the server refused the credentials: "
                + masked(String.valueOf(e.getMessage()))
                + " (check user and password, and the variable or secret the password comes"
                + " from; the server's pg_hba.conf decides which method it asks for).",
            e);
      }
      String message =
          "Cannot connect to PostgreSQL database "
              + display()
              + user.map(u -> " as user " + u).orElse("")
              + " for entity "
              + entity
              + ": "
              + masked(String.valueOf(e.getMessage()))
              + " (check url, user and password).";
      throw new HyggeException(kind, message, e);
    }
  }

  /** Whether the server refused who we are (SQLSTATE class 28), not whether it was reached. */
  private static boolean refusedCredentials(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith(INVALID_AUTHORIZATION_CLASS);
  }

  /** {@code text} with the password, should the driver ever echo it, replaced. */
  private String masked(String text) {
    return password.filter(p -> !p.isEmpty()).map(p -> text.replace(p, MASK)).orElse(text);
  }

  @Override
  public String toString() {
    return "PostgresServer[url="
        + display()
        + ", user="
        + user.orElse("")
        + ", password="
        + (password.isPresent() ? MASK : "")
        + "]";
  }
}
