package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.microsoft.sqlserver.jdbc.SQLServerAccessTokenCallback;
import com.microsoft.sqlserver.jdbc.SqlAuthenticationToken;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.config.Settings;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.credentials.azure.EntraCredentials;
import dev.hygge.credentials.azure.TokenCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The SQL Server store's {@code credential:}: an {@code azure_ad} credential becomes the driver's
 * {@code accessTokenCallback} (asked for a token of the SQL scope on every connection), a {@code
 * sql_login} one becomes user and password. There is no SQL Server here, so this checks the
 * connection properties handed to mssql-jdbc and the token its callback returns, not a sign-in.
 */
class SqlServerCredentialTest {
  private static final String URL =
      "jdbc:sqlserver://shop.database.windows.net:1433;databaseName=shop";
  private static final OffsetDateTime EXPIRES =
      OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

  @TempDir Path project;
  private final List<String> scopes = new ArrayList<>();
  private final List<String> built = new ArrayList<>();

  private Settings storeSettings(String store) throws Exception {
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        credentials:
          warehouse_app:
            type: azure_ad
            method: service_principal
            tenant_id: t
            client_id: c
            client_secret: s3cr3t
          loader_login:
            type: sql_login
            user: loader
            password: pw-S3cret
        flows:
          sales:
            home:
              type: parquet
              path: landing
            store:
        %s
            entities: [orders]
        """
            .formatted(store.indent(6).stripTrailing()));
    Project loaded = ProjectLoader.load(project);
    return loaded.flows().get(0).entities().get(0).storeSettings();
  }

  private TokenCredentials tokens() {
    TokenCredential credential =
        request -> {
          scopes.addAll(request.getScopes());
          return Mono.just(new AccessToken("sql-token", EXPIRES));
        };
    return new TokenCredentials() {
      @Override
      public TokenCredential of(NamedCredential c) {
        built.add(c.name());
        return credential;
      }

      @Override
      public java.util.List<dev.hygge.credentials.azure.ChainStep> defaultChainSteps(
          NamedCredential credential) {
        throw new AssertionError("no default chain here");
      }

      @Override
      public TokenCredential defaultChain() {
        throw new AssertionError("a named credential was given");
      }
    };
  }

  @Test
  void azureAdCredentialHandsTheDriverATokenCallbackAndNothingElse() throws Exception {
    Settings settings =
        storeSettings(
            "type: sqlserver\nurl: " + URL + "\ntable: raw.{entity}\ncredential: warehouse_app");

    Properties properties = SqlServerSettings.database(settings, tokens()).properties();

    assertThat(properties.keySet()).containsExactly("accessTokenCallback");
    SqlAuthenticationToken token =
        ((SQLServerAccessTokenCallback) properties.get("accessTokenCallback"))
            .getAccessToken(
                "MSSQLSvc/shop.database.windows.net:1433", "https://login.microsoftonline.com/t");
    assertThat(token.getAccessToken()).isEqualTo("sql-token");
    assertThat(token.getExpiresOn().toInstant()).isEqualTo(EXPIRES.toInstant());
    assertThat(scopes).containsExactly(EntraCredentials.SQL_SCOPE);
    assertThat(built).containsExactly("warehouse_app");
  }

  @Test
  void sqlLoginCredentialGivesUserAndPassword() throws Exception {
    Settings settings =
        storeSettings(
            "type: sqlserver\nurl: " + URL + "\ntable: raw.{entity}\ncredential: loader_login");

    SqlServerDatabase database = SqlServerSettings.database(settings, tokens());
    Properties properties = database.properties();

    assertThat(properties)
        .containsEntry("user", "loader")
        .containsEntry("password", "pw-S3cret")
        .containsEntry("authentication", "SqlPassword");
    assertThat(database.toString()).doesNotContain("pw-S3cret");
    assertThat(built).isEmpty();
  }

  @Test
  void credentialBesideUserIsAConfigErrorWhenTheProjectLoads() {
    assertThatThrownBy(
            () ->
                storeSettings(
                    "type: sqlserver\nurl: "
                        + URL
                        + "\ntable: raw.{entity}\nuser: loader\ncredential: warehouse_app"))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessage(
            "Invalid value for 'user' in store 'sqlserver' of entity sales.orders at hygge.yml:22:"
                + " is given beside credential: warehouse_app; sign in with one or the other"
                + " (remove user, or credential:)");
  }
}
