package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.credentials.azure.BearerToken;
import dev.hygge.jdbc.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * A SQL Server or Azure SQL database reached through mssql-jdbc. Connecting retries transient
 * failures (a database waking up or failing over). The password never appears in messages or in
 * {@link #toString()}.
 */
public final class SqlServerDatabase implements Database {
  /** How every SQL Server JDBC URL starts. */
  public static final String URL_PREFIX = "jdbc:sqlserver:";

  private static final String MASK = "***";
  private static final char PROPERTY_SEPARATOR = ';';

  private final String url;
  private final Optional<String> user;
  private final Optional<String> password;
  private final Authentication authentication;
  private final Optional<Supplier<BearerToken>> tokens;
  private final RetryPolicy retry;

  /**
   * @param url the JDBC URL, {@code jdbc:sqlserver://host:port;databaseName=...}
   * @param user the login, client id or managed identity, as {@code authentication} reads it
   * @param password the password or client secret
   * @param authentication how to sign in
   * @param retry how transient connection failures are retried
   */
  public SqlServerDatabase(
      String url,
      Optional<String> user,
      Optional<String> password,
      Authentication authentication,
      RetryPolicy retry) {
    this(url, user, password, authentication, Optional.empty(), retry);
  }

  /**
   * A database signed in to with Microsoft Entra ID tokens from {@code tokens}, handed to the
   * driver through its {@code accessTokenCallback} on every new connection.
   *
   * @param url the JDBC URL, {@code jdbc:sqlserver://host:port;databaseName=...}
   * @param tokens fetches a token for {@code https://database.windows.net/.default}
   * @param retry how transient connection failures are retried
   */
  public static SqlServerDatabase withTokens(
      String url, Supplier<BearerToken> tokens, RetryPolicy retry) {
    return new SqlServerDatabase(
        url,
        Optional.empty(),
        Optional.empty(),
        Authentication.SQL_PASSWORD,
        Optional.of(requireNonNull(tokens, "tokens is null")),
        retry);
  }

  private SqlServerDatabase(
      String url,
      Optional<String> user,
      Optional<String> password,
      Authentication authentication,
      Optional<Supplier<BearerToken>> tokens,
      RetryPolicy retry) {
    this.url = requireNonNull(url, "url is null");
    this.user = requireNonNull(user, "user is null");
    this.password = requireNonNull(password, "password is null");
    this.authentication = requireNonNull(authentication, "authentication is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.retry = requireNonNull(retry, "retry is null");
    if (!url.startsWith(URL_PREFIX)) {
      throw new IllegalArgumentException("url must start with " + URL_PREFIX);
    }
  }

  @Override
  public SqlServerDialect dialect() {
    return new SqlServerDialect();
  }

  /** The URL up to its first property, which may carry a password. */
  @Override
  public String display() {
    int properties = url.indexOf(PROPERTY_SEPARATOR);
    return properties < 0 ? url : url.substring(0, properties);
  }

  /** How transient failures are retried, for the statements a store runs. */
  RetryPolicy retry() {
    return retry;
  }

  @Override
  public Connection connect(String entity, ErrorKind kind) {
    requireLibrary(dialect().driverClass(), dialect().driverArtifact(), entity, kind);
    if (tokens.isEmpty()) {
      authentication
          .library()
          .ifPresent(l -> requireLibrary(l.className(), l.artifact(), entity, kind));
    }
    Properties properties = properties();
    try {
      return retry.run(
          "Connecting to " + display(), () -> DriverManager.getConnection(url, properties));
    } catch (SQLException e) {
      throw new HyggeException(
          kind,
          "Cannot connect to SQL Server database "
              + display()
              + user.map(u -> " as " + u).orElse("")
              + " ("
              + signIn()
              + ") for entity "
              + entity
              + ": "
              + masked(String.valueOf(e.getMessage()))
              + " (check url, user, password and authentication, and that the server's firewall"
              + " admits this machine).",
          e);
    }
  }

  /**
   * The connection properties handed to the driver: {@code user}, {@code password} and {@code
   * authentication}, or, with Entra ID tokens, only {@code accessTokenCallback} (the driver refuses
   * it beside the others).
   */
  Properties properties() {
    Properties properties = new Properties();
    if (tokens.isPresent()) {
      properties.put(TokenCallback.PROPERTY, new TokenCallback(tokens.get()));
      return properties;
    }
    user.ifPresent(u -> properties.setProperty("user", u));
    password.ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("authentication", authentication.word());
    return properties;
  }

  private String signIn() {
    return tokens.isPresent() ? "Entra ID token" : authentication.word();
  }

  private void requireLibrary(String className, String artifact, String entity, ErrorKind kind) {
    try {
      Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new HyggeException(
          kind,
          "Cannot connect to SQL Server database "
              + display()
              + " for entity "
              + entity
              + ": "
              + className
              + " is not on the class path (add the dependency "
              + artifact
              + ").",
          e);
    }
  }

  /** {@code text} with the password, should the driver ever echo it, replaced. */
  String masked(String text) {
    return password.filter(p -> !p.isEmpty()).map(p -> text.replace(p, MASK)).orElse(text);
  }

  @Override
  public String toString() {
    return "SqlServerDatabase[url="
        + display()
        + ", user="
        + user.orElse("")
        + ", password="
        + (password.isPresent() ? MASK : "")
        + ", authentication="
        + signIn()
        + "]";
  }
}
