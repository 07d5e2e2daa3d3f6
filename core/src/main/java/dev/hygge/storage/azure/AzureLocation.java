package dev.hygge.storage.azure;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Azure storage account, a container (an ADLS file system, a OneLake workspace) and a path in
 * it, from {@code az://container/path} (the account given by the store) or {@code
 * abfss://container@account.dfs.core.windows.net/path} ({@code
 * abfss://workspace@onelake.dfs.fabric.microsoft.com/item/Files/path} for OneLake).
 *
 * @param location the location as written
 * @param account the storage account ({@value #ONELAKE_ACCOUNT} for OneLake)
 * @param container the container, file system or OneLake workspace
 * @param path the blob name or file path, without a leading slash
 */
public record AzureLocation(Location location, String account, String container, String path) {
  /** The account name of OneLake's endpoint, {@code onelake.dfs.fabric.microsoft.com}. */
  public static final String ONELAKE_ACCOUNT = "onelake";

  private static final String ONELAKE_HOST_SUFFIX = ".fabric.microsoft.com";
  private static final String DFS_LABEL = "dfs";
  private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
  private static final Pattern CONTAINER =
      Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");
  private static final Pattern ONELAKE_PATH = Pattern.compile("[^/]+/(Files|Tables)(/.*)?");

  public AzureLocation {
    requireNonNull(location, "location is null");
    requireNonNull(account, "account is null");
    requireNonNull(container, "container is null");
    requireNonNull(path, "path is null");
  }

  /**
   * The account, container and path of an {@code az://} or {@code abfss://} location.
   *
   * @param account the account of {@code az://} locations, empty when the store has none
   * @throws HyggeException of kind CONFIG when the location is neither, the account, container or
   *     OneLake path is malformed, or an {@code az://} location meets a store without an account
   */
  public static AzureLocation of(Location location, Optional<String> account) {
    requireNonNull(location, "location is null");
    requireNonNull(account, "account is null");
    if (location.scheme().equals(Location.AZ)) {
      String name =
          account.orElseThrow(
              () ->
                  HyggeException.config(
                      "Cannot use "
                          + location
                          + ": az:// locations need the storage account (set the account of the"
                          + " Azure credential, or write abfss://container@account.dfs.core.windows.net/..."));
      return checked(new AzureLocation(location, name, location.authority(), location.path()));
    }
    if (location.scheme().equals(Location.ABFSS)) {
      int at = location.authority().indexOf('@');
      String container = location.authority().substring(0, at);
      String host = location.authority().substring(at + 1);
      String[] labels = host.split("\\.");
      if (labels.length < 3 || !labels[1].equals(DFS_LABEL)) {
        throw HyggeException.config(
            "Malformed location '"
                + location
                + "': '"
                + host
                + "' is not a Data Lake host (write container@account.dfs.core.windows.net, or"
                + " workspace@onelake.dfs.fabric.microsoft.com for OneLake)");
      }
      return checked(new AzureLocation(location, labels[0], container, location.path()));
    }
    throw HyggeException.config(
        "The Azure object stores read az://container/path and"
            + " abfss://container@account.dfs.core.windows.net/path locations, not '"
            + location
            + "'");
  }

  /** Whether this is in Microsoft Fabric's OneLake (bearer tokens only, no account keys). */
  public boolean isOneLake() {
    return location.scheme().equals(Location.ABFSS)
        && location.authority().endsWith(ONELAKE_HOST_SUFFIX);
  }

  /** This location with another path in the same container. */
  AzureLocation withPath(String other) {
    Location moved = new Location(location.scheme(), location.authority(), other);
    return new AzureLocation(moved, account, container, other);
  }

  @Override
  public String toString() {
    return location.toString();
  }

  private static AzureLocation checked(AzureLocation location) {
    if (!ACCOUNT.matcher(location.account()).matches()) {
      throw HyggeException.config(
          "Malformed location '"
              + location
              + "': '"
              + location.account()
              + "' is not a valid storage account name (3 to 24 lowercase letters and digits)");
    }
    if (location.isOneLake()) {
      if (!location.path().isEmpty() && !ONELAKE_PATH.matcher(location.path()).matches()) {
        throw HyggeException.config(
            "Malformed location '"
                + location
                + "': OneLake paths are"
                + " abfss://workspace@onelake.dfs.fabric.microsoft.com/item.Lakehouse/Files/..."
                + " (or /Tables/...) with the item's name and type");
      }
      return location;
    }
    if (!CONTAINER.matcher(location.container()).matches()) {
      throw HyggeException.config(
          "Malformed location '"
              + location
              + "': '"
              + location.container()
              + "' is not a valid container name (3 to 63 lowercase letters, digits and single"
              + " hyphens, starting and ending with a letter or digit)");
    }
    return location;
  }
}
