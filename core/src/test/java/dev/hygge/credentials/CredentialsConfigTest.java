package dev.hygge.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named credentials and object-storage locations as a project declares them: what loads, and every
 * mistake failing before any data moves with the file, the line and what to write instead.
 */
class CredentialsConfigTest {
  @TempDir Path project;

  private Project load(String credentials, String store) throws IOException {
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        credentials:
        %s
        flows:
          sales:
            home:
              type: parquet
              path: landing
            store:
        %s
            entities: [orders]
        """
            .formatted(credentials.indent(2).stripTrailing(), store.indent(6).stripTrailing()));
    return ProjectLoader.load(project);
  }

  private String error(String credentials, String store) {
    HyggeException e = catchThrowableOfType(HyggeException.class, () -> load(credentials, store));
    assertThat(e).as("a config error").isNotNull();
    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
    return e.getMessage();
  }

  private static final String S3_STORE =
      """
      type: parquet
      path: s3://lake/orders
      credential: lake
      """;

  @Test
  void credentialsLoadWithTheirDefaultMethodAndResolvedKeys() throws IOException {
    Project loaded =
        load(
            """
            lake:
              type: s3
              method: access_key
              access_key_id: AKIA1
              secret_access_key: ${LAKE_SECRET:s3cr3t}
            landing:
              type: gcs
            public:
              type: anonymous
            """,
            S3_STORE);

    NamedCredential lake = loaded.credentials().require("lake", CredentialUser.S3, "test", null);
    assertThat(lake.method().name()).isEqualTo("access_key");
    assertThat(lake.value("secret_access_key")).contains("s3cr3t");
    assertThat(lake.toString()).doesNotContain("s3cr3t").contains("hygge.yml:3");
    assertThat(loaded.credentials().all())
        .extracting(c -> c.name() + "=" + c.type().name() + "/" + c.method().name())
        .containsExactly("lake=s3/access_key", "landing=gcs/default", "public=anonymous/none");
  }

  @Test
  void unknownTypeSuggestsTheNearest() {
    assertThat(error("lake:\n  type: s4\n", S3_STORE))
        .isEqualTo(
            "Unknown credential type 's4' in credential 'lake' in hygge.yml at hygge.yml:4."
                + " Did you mean 's3'? Types: s3, gcs, azure_ad, azure_storage, key_vault,"
                + " motherduck, anonymous, sql_login.");
  }

  @Test
  void unknownMethodListsTheTypesMethods() {
    assertThat(error("lake:\n  type: s3\n  method: acces_key\n", S3_STORE))
        .isEqualTo(
            "Invalid value for 'method' in credential 'lake' in hygge.yml at hygge.yml:5:"
                + " 'acces_key' is not a method of s3 credentials. Did you mean 'access_key'?"
                + " Methods: default, profile, access_key, assume_role.");
  }

  @Test
  void aKeyTheMethodDoesNotReadIsNamedWithItsMethod() {
    assertThat(error("lake:\n  type: s3\n  role_arn: arn:aws:iam::1:role/x\n", S3_STORE))
        .isEqualTo(
            "Invalid value for 'role_arn' in credential 'lake' in hygge.yml at hygge.yml:5:"
                + " method default does not read it; it belongs to method assume_role. Remove it"
                + " or change 'method:'.");
  }

  @Test
  void aMissingKeyNamesWhatTheMethodNeeds() {
    assertThat(error("lake:\n  type: s3\n  method: access_key\n  access_key_id: A\n", S3_STORE))
        .isEqualTo(
            "Missing 'secret_access_key' in credential 'lake' in hygge.yml at hygge.yml:4:"
                + " method access_key needs access_key_id, secret_access_key.");
  }

  @Test
  void exactlyOneOfAServiceAccountsKeySourcesIsNeeded() {
    assertThat(error("gcp:\n  type: gcs\n  method: service_account\n", S3_STORE))
        .startsWith("Missing key_file or key_json in credential 'gcp'");
    assertThat(
            error(
                "gcp:\n  type: gcs\n  method: service_account\n  key_file: a.json\n  key_json: x\n",
                S3_STORE))
        .startsWith("Too many of key_file or key_json in credential 'gcp'");
  }

  @Test
  void aTypeWithoutDefaultMethodNeedsOne() {
    assertThat(error("blob:\n  type: azure_storage\n", S3_STORE))
        .isEqualTo(
            "Missing 'method' in credential 'blob' in hygge.yml at hygge.yml:4: a azure_storage"
                + " credential needs one of account_key, sas, connection_string.");
  }

  @Test
  void aCredentialOfTheWrongTypeNamesBothSides() {
    assertThat(error("lake:\n  type: gcs\n", S3_STORE))
        .isEqualTo(
            "Credential 'lake' is of type gcs (defined at hygge.yml:3) but store 'parquet' of"
                + " entity sales.orders at hygge.yml:13 reads S3, which takes a credential of"
                + " type s3 or anonymous.");
  }

  @Test
  void aKeyVaultCredentialReachesTheAzureAdCredentialItNames() throws IOException {
    Project loaded =
        load(
            """
            lake_key:
              type: key_vault
              vault: shop-kv
              secret: lake-key
              credential: vault_reader
            vault_reader:
              type: azure_ad
              method: managed_identity
            """,
            "type: parquet\npath: az://lake/orders\naccount: shopdata\ncredential: lake_key\n");

    NamedCredential key =
        loaded.credentials().require("lake_key", CredentialUser.AZURE_STORAGE, "test", null);
    assertThat(key.via()).map(NamedCredential::name).contains("vault_reader");
    assertThat(key.via()).map(c -> c.method().name()).contains("managed_identity");
  }

  @Test
  void aKeyVaultCredentialNamingAnotherTypeIsAConfigError() {
    assertThat(
            error(
                "lake_key:\n  type: key_vault\n  vault: shop-kv\n  secret: k\n"
                    + "  credential: lake\nlake:\n  type: s3\n",
                S3_STORE))
        .isEqualTo(
            "Credential 'lake' is of type s3 (defined at hygge.yml:8) but credential 'lake_key'"
                + " (its credential:) at hygge.yml:3 reads Azure Key Vault, which takes a"
                + " credential of type azure_ad.");
  }

  @Test
  void anUnknownCredentialSuggestsTheNearest() {
    assertThat(error("lakes:\n  type: s3\n", S3_STORE))
        .isEqualTo(
            "Unknown credential 'lake' used by store 'parquet' of entity sales.orders at"
                + " hygge.yml:13. Did you mean 'lakes'? Defined credentials: lakes.");
  }

  @Test
  void secretsDoNotAppearInCredentialErrors() {
    String message =
        error(
            "lake:\n  type: s3\n  method: access_key\n  access_key_id: A\n"
                + "  secret_access_key: hunter2\n  colour: blue\n",
            S3_STORE);
    assertThat(message)
        .startsWith("Unknown key 'colour' in credential 'lake'")
        .doesNotContain("hunter2");
  }

  @Test
  void localPathsTakeNoCredential() {
    assertThat(error("lake:\n  type: s3\n", "type: parquet\npath: lake\ncredential: lake\n"))
        .isEqualTo(
            "Invalid value for 'credential' in store 'parquet' of entity sales.orders at"
                + " hygge.yml:13: local files take no credential; remove it.");
  }

  @Test
  void aProviderBuildsTheUrlAndABucketWithoutOneIsRefused() throws IOException {
    Project loaded =
        load(
            "lake:\n  type: s3\n",
            "type: parquet\nprovider: s3\nbucket: acme\npath: raw/{entity}\n");
    assertThat(loaded.flows().get(0).entities().get(0).store().describe())
        .isEqualTo("parquet raw/orders");

    assertThat(error("lake:\n  type: s3\n", "type: parquet\nbucket: acme\npath: raw\n"))
        .startsWith(
            "Invalid value for 'bucket' in store 'parquet' of entity sales.orders at hygge.yml:12:"
                + " it needs provider:");
    assertThat(
            error(
                "lake:\n  type: s3\n",
                "type: parquet\nprovider: gcs\nbucket: acme\npath: s3://other/raw\n"))
        .contains("path is already a URL (s3://other/raw/orders); drop provider:");
  }

  @Test
  void malformedUrlsAndMisplacedSettingsAreConfigErrors() {
    assertThat(error("lake:\n  type: s3\n", "type: parquet\npath: s3:/lake/raw\n"))
        .startsWith("Invalid value for 'path' in store 'parquet' of entity sales.orders")
        .contains("Malformed location 's3:/lake/raw/orders'");
    assertThat(error("lake:\n  type: s3\n", "type: parquet\npath: az://raw/orders\n"))
        .contains("an az:// location needs account:");
    assertThat(
            error(
                "lake:\n  type: s3\n", "type: parquet\npath: gs://raw/orders\nregion: eu-west-1\n"))
        .contains("only S3 locations take a region.");
    assertThat(error("lake:\n  type: s3\n", "type: parquet\npath: s3://raw/o\npart_size: 1MB\n"))
        .contains("must be at least 5MB");
    assertThat(
            error("lake:\n  type: s3\n", "type: parquet\npath: s3://raw/o\nendpoint: localhost\n"))
        .contains("'localhost' is not a URL such as http://127.0.0.1:9000");
  }
}
