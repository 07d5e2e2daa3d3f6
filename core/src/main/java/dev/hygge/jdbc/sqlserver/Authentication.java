package dev.hygge.jdbc.sqlserver;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How mssql-jdbc signs in ({@code authentication=} of the driver), with the library the method
 * needs on the class path besides the driver.
 */
public enum Authentication {
  /** A SQL login: {@code user} and {@code password}. */
  SQL_PASSWORD("SqlPassword", Optional.empty()),
  /**
   * Entra ID through azure-identity's default chain (environment, workload or managed identity,
   * CLI).
   */
  ACTIVE_DIRECTORY_DEFAULT(
      "ActiveDirectoryDefault",
      Optional.of(
          new Library("com.azure.identity.DefaultAzureCredential", "com.azure:azure-identity"))),
  /** Entra ID service principal: {@code user} is the client id, {@code password} the secret. */
  ACTIVE_DIRECTORY_SERVICE_PRINCIPAL(
      "ActiveDirectoryServicePrincipal",
      Optional.of(
          new Library(
              "com.microsoft.aad.msal4j.ConfidentialClientApplication",
              "com.microsoft.azure:msal4j"))),
  /** Entra ID managed identity; {@code user} picks a user-assigned identity by client id. */
  ACTIVE_DIRECTORY_MANAGED_IDENTITY(
      "ActiveDirectoryManagedIdentity",
      Optional.of(
          new Library("com.azure.identity.ManagedIdentityCredential", "com.azure:azure-identity")));

  private final String word;
  private final Optional<Library> library;

  Authentication(String word, Optional<Library> library) {
    this.word = word;
    this.library = library;
  }

  /**
   * A class the method loads and the artifact that carries it.
   *
   * @param className a class of the library
   * @param artifact its Maven coordinates
   */
  public record Library(String className, String artifact) {}

  /** The word users write and the driver takes, e.g. {@code SqlPassword}. */
  public String word() {
    return word;
  }

  /** The library this method needs besides the driver, if any. */
  public Optional<Library> library() {
    return library;
  }

  /** Every word, in declaration order. */
  public static List<String> words() {
    return Arrays.stream(values()).map(Authentication::word).toList();
  }

  /** The method written as {@code word}. */
  public static Optional<Authentication> of(String word) {
    return Arrays.stream(values()).filter(a -> a.word.equals(word)).findFirst();
  }
}
