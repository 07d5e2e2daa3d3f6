package dev.hygge.credentials;

import static dev.hygge.credentials.CredentialType.key;
import static dev.hygge.credentials.CredentialType.pathKey;

import java.util.List;
import java.util.Optional;

/** The built-in credential types, by the {@code type:} word users write. */
public final class CredentialTypes {
  /** Amazon S3 and S3-compatible services. */
  public static final CredentialType S3 =
      new CredentialType(
          "s3",
          "AWS credentials for S3 and S3-compatible services.",
          List.of(
              CredentialMethod.of(
                  "default",
                  "The AWS default chain: environment variables, system properties, web identity"
                      + " token, ~/.aws profiles, container and instance roles, in that order.",
                  List.of(),
                  List.of()),
              CredentialMethod.of(
                  "profile",
                  "A profile of ~/.aws/config and ~/.aws/credentials.",
                  List.of("profile"),
                  List.of()),
              CredentialMethod.of(
                  "access_key",
                  "An access key id and secret, with a session token for temporary keys.",
                  List.of("access_key_id", "secret_access_key"),
                  List.of("session_token")),
              CredentialMethod.of(
                  "assume_role",
                  "Assumes a role through STS, starting from the default chain; refreshed before it"
                      + " expires.",
                  List.of("role_arn"),
                  List.of("external_id", "session_name", "sts_endpoint"))),
          Optional.of("default"),
          List.of(
              key("profile", "The profile name."),
              key("access_key_id", "The access key id, e.g. ${AWS_ACCESS_KEY_ID}."),
              key("secret_access_key", "The secret access key; write it as a ${VAR} or a secret."),
              key("session_token", "The session token of temporary keys."),
              key("role_arn", "The role to assume, arn:aws:iam::<account>:role/<name>."),
              key("external_id", "The external id the role's trust policy asks for."),
              key("session_name", "The role session name; defaults to hygge."),
              key(
                  "sts_endpoint",
                  "The STS endpoint to assume the role at, e.g. a regional or VPC endpoint;"
                      + " defaults to the region's.")));

  /** Google Cloud Storage. */
  public static final CredentialType GCS =
      new CredentialType(
          "gcs",
          "Google credentials for Cloud Storage.",
          List.of(
              CredentialMethod.of(
                  "default",
                  "Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS, gcloud's user"
                      + " credentials, then the metadata server (workload identity).",
                  List.of(),
                  List.of()),
              new CredentialMethod(
                  "service_account",
                  "A service account key, from a file or inline JSON.",
                  List.of(),
                  List.of("key_file", "key_json"),
                  List.of(List.of("key_file", "key_json")))),
          Optional.of("default"),
          List.of(
              pathKey("key_file", "A service account key file (JSON)."),
              key(
                  "key_json",
                  "A service account key as JSON text; write it as a ${VAR} or a secret.")));

  /** Microsoft Entra ID (Azure AD) tokens, for Azure Storage, OneLake, SQL and Key Vault. */
  public static final CredentialType AZURE_AD =
      new CredentialType(
          "azure_ad",
          "Microsoft Entra ID tokens for Azure Storage, OneLake, Azure SQL and Key Vault.",
          List.of(
              CredentialMethod.of(
                  "default",
                  "The Azure default chain: environment, workload identity, managed identity, Azure"
                      + " CLI, Azure PowerShell, Azure Developer CLI, in that order.",
                  List.of(),
                  List.of("tenant_id", "client_id")),
              new CredentialMethod(
                  "service_principal",
                  "An app registration's client secret or certificate.",
                  List.of("tenant_id", "client_id"),
                  List.of("client_secret", "certificate_path", "certificate_password"),
                  List.of(List.of("client_secret", "certificate_path"))),
              CredentialMethod.of(
                  "managed_identity",
                  "The managed identity of the Azure resource hygge runs on; client_id picks a"
                      + " user-assigned one.",
                  List.of(),
                  List.of("client_id")),
              CredentialMethod.of(
                  "workload_identity",
                  "A federated token (AKS workload identity); defaults come from AZURE_TENANT_ID,"
                      + " AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE.",
                  List.of(),
                  List.of("tenant_id", "client_id", "token_file"))),
          Optional.of("default"),
          List.of(
              key("tenant_id", "The directory (tenant) id."),
              key("client_id", "The application (client) id, or a user-assigned identity's."),
              key("client_secret", "The client secret; write it as a ${VAR} or a secret."),
              pathKey("certificate_path", "A PEM or PFX certificate of the app registration."),
              key(
                  "certificate_password",
                  "The PFX certificate's password; write it as a ${VAR} or a secret."),
              pathKey("token_file", "The federated token file.")));

  /** Azure Storage keys and signatures. */
  public static final CredentialType AZURE_STORAGE =
      new CredentialType(
          "azure_storage",
          "Azure Storage account keys, SAS tokens and connection strings.",
          List.of(
              CredentialMethod.of(
                  "account_key",
                  "The storage account's shared key.",
                  List.of("account_key"),
                  List.of()),
              CredentialMethod.of(
                  "sas", "A shared access signature token.", List.of("sas_token"), List.of()),
              CredentialMethod.of(
                  "connection_string",
                  "A storage connection string (also how Azurite is reached).",
                  List.of("connection_string"),
                  List.of())),
          Optional.empty(),
          List.of(
              key("account_key", "The account key; write it as a ${VAR} or a secret."),
              key("sas_token", "The SAS token, with or without its leading ?."),
              key(
                  "connection_string",
                  "The connection string; write it as a ${VAR} or a secret.")));

  /** A storage account key kept in Azure Key Vault, as hygge's Python users know it. */
  public static final CredentialType KEY_VAULT =
      new CredentialType(
          "key_vault",
          "A storage account key fetched from Azure Key Vault (or, for local work, given"
              + " directly).",
          List.of(
              CredentialMethod.of(
                  "default",
                  "Fetches the secret from the vault with the Azure default chain, or with the"
                      + " azure_ad credential named by credential.",
                  List.of("vault", "secret"),
                  List.of("credential")),
              CredentialMethod.of(
                  "direct_key",
                  "The account key given directly, for local development and CI.",
                  List.of("account_key"),
                  List.of())),
          Optional.of("default"),
          List.of(
              key("vault", "The vault's name (https://<vault>.vault.azure.net)."),
              key("secret", "The secret holding the account key."),
              key("credential", "An azure_ad credential to reach the vault with."),
              key("account_key", "The account key; write it as a ${VAR} or a secret.")));

  /** A database login: user name and password (SQL Server's SQL authentication). */
  public static final CredentialType SQL_LOGIN =
      new CredentialType(
          "sql_login",
          "A database login with a user name and password.",
          List.of(
              CredentialMethod.of(
                  "password",
                  "The login's user name and password.",
                  List.of("user", "password"),
                  List.of())),
          Optional.of("password"),
          List.of(
              key("user", "The login name."),
              key("password", "The password; write it as a ${VAR} or a secret.")));

  /** A MotherDuck access token, for {@code md:} DuckDB databases. */
  public static final CredentialType MOTHERDUCK =
      new CredentialType(
          "motherduck",
          "A MotherDuck access token for duckdb homes and stores whose database is md:<name>.",
          List.of(
              CredentialMethod.of(
                  "token",
                  "A MotherDuck access token, passed to DuckDB as motherduck_token.",
                  List.of("token"),
                  List.of())),
          Optional.of("token"),
          List.of(key("token", "The access token; write it as a ${VAR} or a secret.")));

  /** No credentials: public buckets and containers. */
  public static final CredentialType ANONYMOUS =
      new CredentialType(
          "anonymous",
          "No credentials, for public buckets and containers.",
          List.of(CredentialMethod.of("none", "Requests are sent unsigned.", List.of(), List.of())),
          Optional.of("none"),
          List.of());

  /** Every built-in type, in documentation order. */
  public static final List<CredentialType> ALL =
      List.of(S3, GCS, AZURE_AD, AZURE_STORAGE, KEY_VAULT, MOTHERDUCK, ANONYMOUS, SQL_LOGIN);

  private CredentialTypes() {}

  /** The type named {@code word}. */
  public static Optional<CredentialType> named(String word) {
    return ALL.stream().filter(t -> t.name().equals(word)).findFirst();
  }
}
