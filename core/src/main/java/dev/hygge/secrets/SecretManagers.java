package dev.hygge.secrets;

import static java.util.Objects.requireNonNull;

import dev.hygge.secrets.aws.AwsSecretsManager;
import dev.hygge.secrets.azure.AzureKeyVault;
import dev.hygge.secrets.gcp.GcpSecretManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The secret managers a project load may read from, by handler name. Each is created on first use,
 * so a project that uses no secrets loads none of the cloud SDKs (they are optional dependencies).
 * Whoever creates this closes it, which closes every manager it created.
 */
public final class SecretManagers implements AutoCloseable {
  private final Map<String, Factory> factories;
  private final Map<String, SecretManager> opened = new LinkedHashMap<>();

  private SecretManagers(List<Factory> factories) {
    Map<String, Factory> byHandler = new LinkedHashMap<>();
    factories.forEach(f -> byHandler.put(f.handler(), f));
    this.factories = byHandler;
  }

  /** AWS Secrets Manager, GCP Secret Manager and Azure Key Vault, reached at these endpoints. */
  public static SecretManagers standard(SecretEndpoints endpoints) {
    requireNonNull(endpoints, "endpoints is null");
    // Lambdas, not method references: a method reference links its class (and so the SDK's
    // classes) when it is created, a lambda only when it runs, after the library was checked.
    return new SecretManagers(
        List.of(
            new Factory(
                AwsSecretsManager.HANDLER,
                Optional.of(
                    new Library(
                        "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient",
                        "software.amazon.awssdk:secretsmanager")),
                () -> AwsSecretsManager.standard()),
            new Factory(
                GcpSecretManager.HANDLER,
                Optional.of(
                    new Library(
                        "com.google.auth.oauth2.GoogleCredentials",
                        "com.google.auth:google-auth-library-oauth2-http")),
                () -> GcpSecretManager.standard(endpoints.gcpSecrets())),
            new Factory(
                AzureKeyVault.HANDLER,
                Optional.of(
                    new Library(
                        "com.azure.identity.DefaultAzureCredentialBuilder",
                        "com.azure:azure-identity and com.azure:azure-core-http-jdk-httpclient")),
                () -> AzureKeyVault.standard(endpoints.azureKeyVault()))));
  }

  /**
   * These managers, each under its own handler name (a later one replaces an earlier one with the
   * same name). Closing the result closes them.
   */
  public static SecretManagers of(SecretManager... managers) {
    List<Factory> factories = new ArrayList<>();
    for (SecretManager manager : managers) {
      requireNonNull(manager, "manager is null");
      factories.add(new Factory(manager.handler(), Optional.empty(), () -> manager));
    }
    return new SecretManagers(factories);
  }

  /** The handler names expressions may use, e.g. {@code aws-secrets}. */
  public Set<String> handlers() {
    return Set.copyOf(factories.keySet());
  }

  /**
   * The manager for a handler, created on first use.
   *
   * @throws SecretFetchException {@link SecretFailure#NOT_INSTALLED} when its library is missing
   * @throws IllegalArgumentException for a handler not in {@link #handlers()}
   */
  public synchronized SecretManager open(String handler) throws SecretFetchException {
    SecretManager manager = opened.get(handler);
    if (manager != null) {
      return manager;
    }
    Factory factory = factories.get(handler);
    if (factory == null) {
      throw new IllegalArgumentException("unknown secret handler " + handler);
    }
    if (factory.library().isPresent()) {
      factory.library().get().check(handler);
    }
    manager = factory.create().get();
    opened.put(handler, manager);
    return manager;
  }

  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (SecretManager manager : opened.values()) {
      try {
        manager.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    opened.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private record Factory(
      String handler, Optional<Library> library, Supplier<SecretManager> create) {}

  /** A class a manager needs, and the Maven dependency that brings it. */
  private record Library(String className, String artifact) {
    void check(String handler) throws SecretFetchException {
      try {
        Class.forName(className, false, SecretManagers.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new SecretFetchException(
            SecretFailure.NOT_INSTALLED,
            "${" + handler + "::...} needs " + artifact + " on the class path",
            "the build of the application that runs hygge: add " + artifact,
            e);
      }
    }
  }
}
