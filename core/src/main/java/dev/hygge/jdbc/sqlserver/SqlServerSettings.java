package dev.hygge.jdbc.sqlserver;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.credentials.CredentialTypes;
import dev.hygge.credentials.CredentialUser;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.credentials.azure.EntraCredentials;
import dev.hygge.credentials.azure.TokenCredentials;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The connection settings of the SQL Server home and store, and the database they name. */
final class SqlServerSettings {
  static final String URL = "url";
  static final String USER = "user";
  static final String PASSWORD = "password";
  static final String AUTHENTICATION = "authentication";
  static final String CREDENTIAL = "credential";

  /** {@code url}, {@code user}, {@code password}, {@code authentication} and {@code credential}. */
  static final List<Setting> CONNECTION =
      List.of(
          Setting.required(
              URL,
              SettingType.STRING,
              "The JDBC URL, jdbc:sqlserver://host:1433;databaseName=db;encrypt=true."),
          Setting.optional(
              USER,
              SettingType.STRING,
              "The SQL login; the client id for ActiveDirectoryServicePrincipal; a user-assigned"
                  + " identity's client id for ActiveDirectoryManagedIdentity."),
          Setting.optional(
              PASSWORD,
              SettingType.STRING,
              "The password or client secret; never printed (write it as ${VAR})."),
          Setting.choice(
              AUTHENTICATION,
              Authentication.words(),
              Authentication.SQL_PASSWORD.word(),
              "How to sign in: a SQL login, or Entra ID through the default chain, a service"
                  + " principal or a managed identity (these need com.azure:azure-identity or"
                  + " msal4j on the class path)."),
          Setting.optional(
              CREDENTIAL,
              SettingType.STRING,
              "A named credential instead of user, password and authentication: an azure_ad one"
                  + " signs in with its Entra ID token, a sql_login one with its user and"
                  + " password."));

  private SqlServerSettings() {}

  private static SqlServerDatabase fromCredential(
      Settings settings, String url, NamedCredential credential, TokenCredentials entra) {
    for (String key : List.of(USER, PASSWORD, AUTHENTICATION)) {
      if (settings.has(key)) {
        throw settings.error(
            key,
            "is given beside credential: "
                + credential.name()
                + "; sign in with one or the other (remove "
                + key
                + ", or credential:)");
      }
    }
    if (credential.type().equals(CredentialTypes.AZURE_AD)) {
      return SqlServerDatabase.withTokens(
          url,
          EntraCredentials.bearerTokens(
              entra.of(credential), EntraCredentials.SQL_SCOPE, credential.describe()),
          RetryPolicy.standard());
    }
    return new SqlServerDatabase(
        url,
        Optional.of(credential.required(USER)),
        Optional.of(credential.required(PASSWORD)),
        Authentication.SQL_PASSWORD,
        RetryPolicy.standard());
  }

  /** The connection settings followed by {@code others}. */
  static List<Setting> with(List<Setting> others) {
    return Stream.concat(CONNECTION.stream(), others.stream()).toList();
  }

  /** The database {@code settings} name. */
  static SqlServerDatabase database(Settings settings) {
    return database(settings, EntraCredentials.standard());
  }

  /** The database {@code settings} name, with Entra ID tokens from {@code entra}. */
  static SqlServerDatabase database(Settings settings, TokenCredentials entra) {
    String url = settings.string(URL);
    if (!url.startsWith(SqlServerDatabase.URL_PREFIX)) {
      throw settings.error(URL, "must start with " + SqlServerDatabase.URL_PREFIX);
    }
    Optional<NamedCredential> credential =
        settings.credential(CREDENTIAL, CredentialUser.SQL_SERVER);
    if (credential.isPresent()) {
      return fromCredential(settings, url, credential.get(), entra);
    }
    Authentication authentication =
        Authentication.of(settings.string(AUTHENTICATION)).orElseThrow();
    if (authentication == Authentication.SQL_PASSWORD && !settings.has(USER)) {
      if (!url.toLowerCase(java.util.Locale.ROOT).contains("user=")) {
        throw settings.error(USER, "a SQL login needs user (and password), in the url or here");
      }
    }
    if (authentication == Authentication.ACTIVE_DIRECTORY_SERVICE_PRINCIPAL
        && !(settings.has(USER) && settings.has(PASSWORD))) {
      throw settings.error(
          AUTHENTICATION,
          "ActiveDirectoryServicePrincipal needs user (the client id) and password (the secret)");
    }
    return new SqlServerDatabase(
        url,
        settings.optionalString(USER),
        settings.optionalString(PASSWORD),
        authentication,
        RetryPolicy.standard());
  }
}
