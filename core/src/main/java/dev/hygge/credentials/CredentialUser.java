package dev.hygge.credentials;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What uses a credential, and which credential types fit it: S3 takes {@code s3} or {@code
 * anonymous}, Azure Blob takes {@code azure_ad}, {@code azure_storage}, {@code key_vault} or {@code
 * anonymous}, and so on.
 *
 * @param name the user's name for it, for messages, e.g. {@code Google Cloud Storage}
 * @param fits the credential types it accepts
 */
public record CredentialUser(String name, List<CredentialType> fits) {
  /** Amazon S3 and S3-compatible services. */
  public static final CredentialUser S3 =
      new CredentialUser("S3", List.of(CredentialTypes.S3, CredentialTypes.ANONYMOUS));

  /** Google Cloud Storage. */
  public static final CredentialUser GCS =
      new CredentialUser(
          "Google Cloud Storage", List.of(CredentialTypes.GCS, CredentialTypes.ANONYMOUS));

  /** Azure Blob Storage and ADLS Gen2. */
  public static final CredentialUser AZURE_STORAGE =
      new CredentialUser(
          "Azure Storage",
          List.of(
              CredentialTypes.AZURE_AD,
              CredentialTypes.AZURE_STORAGE,
              CredentialTypes.KEY_VAULT,
              CredentialTypes.ANONYMOUS));

  /** OneLake, which takes Entra ID tokens only. */
  public static final CredentialUser ONELAKE =
      new CredentialUser("OneLake", List.of(CredentialTypes.AZURE_AD));

  /** Key Vault, reached with an Entra ID token. */
  public static final CredentialUser KEY_VAULT =
      new CredentialUser("Azure Key Vault", List.of(CredentialTypes.AZURE_AD));

  /** SQL Server and Azure SQL: an Entra ID token or a SQL login. */
  public static final CredentialUser SQL_SERVER =
      new CredentialUser(
          "SQL Server", List.of(CredentialTypes.AZURE_AD, CredentialTypes.SQL_LOGIN));

  /** MotherDuck, reached by DuckDB with an access token. */
  public static final CredentialUser MOTHERDUCK =
      new CredentialUser("MotherDuck", List.of(CredentialTypes.MOTHERDUCK));

  public CredentialUser {
    requireNonNull(name, "name is null");
    fits = List.copyOf(requireNonNull(fits, "fits is null"));
  }

  /** Whether a credential of {@code type} fits. */
  public boolean accepts(CredentialType type) {
    return fits.contains(type);
  }

  /** The fitting type names, for messages. */
  public String fitting() {
    return String.join(" or ", fits.stream().map(CredentialType::name).toList());
  }
}
