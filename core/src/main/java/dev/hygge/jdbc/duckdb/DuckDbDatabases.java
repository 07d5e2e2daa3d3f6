package dev.hygge.jdbc.duckdb;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.credentials.CredentialUser;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.jdbc.Database;
import dev.hygge.jdbc.DatabaseFile;
import java.util.Optional;

/** The database a duckdb home or store names: a local file, or MotherDuck with a credential. */
final class DuckDbDatabases {
  static final String DATABASE = "database";
  static final String CREDENTIAL = "credential";
  private static final String TOKEN = "token";

  /** The {@code credential} setting of the duckdb home and store. */
  static final Setting CREDENTIAL_SETTING =
      Setting.optional(
          CREDENTIAL,
          SettingType.STRING,
          "A motherduck credential from credentials: in hygge.yml; required when database is"
              + " md:<name>, not allowed for a local file.");

  private DuckDbDatabases() {}

  /**
   * The database {@code settings} name.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG when an {@code md:} database has no motherduck
   *     credential, or a local file has one
   */
  static Database of(Settings settings) {
    String text = settings.string(DATABASE);
    Optional<NamedCredential> credential =
        settings.credential(CREDENTIAL, CredentialUser.MOTHERDUCK);
    if (text.startsWith(MotherDuckDatabase.PREFIX)) {
      NamedCredential token =
          credential.orElseThrow(
              () ->
                  settings.error(
                      DATABASE,
                      "the MotherDuck database "
                          + text
                          + " needs a token: define a credential of type motherduck under"
                          + " credentials: in hygge.yml and name it with credential:"));
      return new MotherDuckDatabase(text, token.required(TOKEN));
    }
    if (credential.isPresent()) {
      throw settings.error(
          CREDENTIAL,
          "a local DuckDB file takes no credential; remove it, or write database: md:<name> for"
              + " MotherDuck");
    }
    return new DatabaseFile(new DuckDbDialect(), settings.path(DATABASE), text);
  }
}
