package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.config.Setting;
import dev.hygge.config.Settings;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.storage.azure.AzureCredentialCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One real, read-only request per credential and place it is used ({@code hygge debug
 * --credentials}): a metadata read of the home's or store's path (S3 HEAD, GCS object metadata,
 * Azure blob properties), which needs the bucket to exist and the credential to be accepted. Azure
 * credentials are checked first on their own: an Entra ID token (each step of the default chain
 * when it fails) or the account key's Key Vault secret.
 *
 * @param credential the credential's name, or {@code (default chain)}
 * @param method its type and method, e.g. {@code s3/access_key}
 * @param target the location checked
 * @param usedBy the entities whose home or store use it
 * @param ok whether the request succeeded
 * @param detail how long it took, or what failed and what to check; one step a line
 */
public record AccessCheck(
    String credential,
    String method,
    String target,
    List<String> usedBy,
    boolean ok,
    String detail) {
  private static final String PATH = "path";
  private static final String DEFAULT_CHAIN = "(default chain)";
  private static final List<String> AZURE_SCHEMES = List.of(Location.ABFSS, Location.AZ);

  public AccessCheck {
    requireNonNull(credential, "credential is null");
    requireNonNull(method, "method is null");
    requireNonNull(target, "target is null");
    usedBy = List.copyOf(requireNonNull(usedBy, "usedBy is null"));
    requireNonNull(detail, "detail is null");
  }

  /** A place a credential is used, and by which entities. */
  private record Use(StorageTarget target, List<String> entities) {}

  /**
   * Checks every object-storage location of the project's homes and stores, once per credential,
   * service and bucket; then names the credentials no home or store uses.
   */
  public static List<AccessCheck> run(Project project) {
    Map<String, Use> uses = new LinkedHashMap<>();
    for (var flow : project.flows()) {
      for (EntityConfig entity : flow.entities()) {
        collect(entity.homeSettings(), entity.qualifiedName(), uses);
        collect(entity.storeSettings(), entity.qualifiedName(), uses);
      }
    }
    List<AccessCheck> checks = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (Use use : uses.values()) {
      checks.add(probe(use));
      use.target().access().credential().ifPresent(c -> used.add(c.name()));
    }
    for (NamedCredential c : project.credentials().all()) {
      if (!used.contains(c.name())) {
        checks.add(
            new AccessCheck(
                c.name(),
                c.type().name() + "/" + c.method().name(),
                "-",
                List.of(),
                true,
                "not used by any home or store, so nothing to check it against"));
      }
    }
    return checks;
  }

  private static void collect(Settings settings, String entity, Map<String, Use> uses) {
    boolean storage =
        settings.declared().stream()
            .map(Setting::name)
            .toList()
            .containsAll(List.of(PATH, StorageSettings.CREDENTIAL));
    if (!storage) {
      return;
    }
    StorageTarget target = StorageSettings.target(settings, PATH);
    if (target.isLocal()) {
      return;
    }
    Location location = target.location();
    String key =
        credentialName(target.access().credential())
            + "|"
            + location.scheme()
            + "|"
            + location.authority()
            + "|"
            + target.access().endpoint().map(Object::toString).orElse("");
    Use use = uses.computeIfAbsent(key, k -> new Use(target, new ArrayList<>()));
    if (!use.entities().contains(entity)) {
      use.entities().add(entity);
    }
  }

  private static String credentialName(Optional<NamedCredential> credential) {
    return credential.map(NamedCredential::name).orElse(DEFAULT_CHAIN);
  }

  private static AccessCheck probe(Use use) {
    StorageTarget target = use.target();
    Optional<NamedCredential> credential = target.access().credential();
    String method =
        credential
            .map(c -> c.type().name() + "/" + c.method().name())
            .orElse(target.location().scheme() + "/default");
    Location probe = fixedPart(target.location());
    List<String> steps = new ArrayList<>();
    if (credential.isPresent() && AZURE_SCHEMES.contains(target.location().scheme())) {
      AzureCredentialCheck check = AzureCredentialCheck.run(credential.get());
      if (!check.ok()) {
        return new AccessCheck(
            credentialName(credential),
            method,
            probe.toString(),
            use.entities(),
            false,
            String.join("\n", check.lines()));
      }
      steps.addAll(check.lines());
    }
    long start = System.nanoTime();
    try (ObjectStore store = ObjectStores.open(target)) {
      store.stat(probe);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      return new AccessCheck(
          credentialName(credential),
          method,
          probe.toString(),
          use.entities(),
          true,
          String.join(
              "\n",
              Stream.concat(
                      steps.stream(), Stream.of("read metadata in " + took.toMillis() + " ms"))
                  .toList()));
    } catch (HyggeException e) {
      return new AccessCheck(
          credentialName(credential),
          method,
          probe.toString(),
          use.entities(),
          false,
          e.kind() + ": " + e.getMessage());
    }
  }

  /** The location itself, or for a glob the literal prefix it is listed under. */
  private static Location fixedPart(Location location) {
    return ObjectGlob.isGlob(location.path()) ? new ObjectGlob(location).prefix() : location;
  }
}
