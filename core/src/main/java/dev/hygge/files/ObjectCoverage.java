package dev.hygge.files;

import static java.util.Objects.requireNonNull;

import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectGlob;
import dev.hygge.storage.StorageTarget;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a file home reads a given object, decided from the object's location alone (no request to
 * any service), with the same rules as {@link LocalFiles} and {@link ObjectFiles}: the object named
 * by {@code path}, an object of the format below a directory or prefix, or one matching a glob;
 * never one under a segment starting with {@code _} or {@code .}.
 */
final class ObjectCoverage {
  private static final String AZURE_HOST_SUFFIX = ".core.windows.net";

  private final StorageTarget target;
  private final String extension;

  ObjectCoverage(StorageTarget target, String extension) {
    this.target = requireNonNull(target, "target is null");
    this.extension = requireNonNull(extension, "extension is null");
  }

  /**
   * The object's location as the home itself lists it (its scheme and authority), when the home
   * reads it; empty when the object is somewhere else or does not match the home's rules.
   */
  Optional<Location> locate(CreatedObject object) {
    Location home = target.location();
    Location at = object.location();
    if (home.isLocal() || at.isLocal()) {
      return home.isLocal() && at.isLocal() && coversLocal(Path.of(home.path()), Path.of(at.path()))
          ? Optional.of(at)
          : Optional.empty();
    }
    if (!sameContainer(home, object) || !coversKey(home, at.path())) {
      return Optional.empty();
    }
    return Optional.of(new Location(home.scheme(), home.authority(), at.path()));
  }

  private boolean sameContainer(Location home, CreatedObject object) {
    Location at = object.location();
    if (isAzure(home) && isAzure(at)) {
      Optional<String> homeAccount = account(home, target.access().account());
      Optional<String> objectAccount = account(at, object.account());
      boolean accountsAgree =
          homeAccount.isEmpty()
              || objectAccount.isEmpty()
              || homeAccount.get().equalsIgnoreCase(objectAccount.get());
      return accountsAgree && container(home).equals(container(at));
    }
    return home.scheme().equals(at.scheme()) && home.authority().equals(at.authority());
  }

  private static boolean isAzure(Location location) {
    return location.scheme().equals(Location.AZ) || location.scheme().equals(Location.ABFSS);
  }

  private static String container(Location location) {
    String authority = location.authority();
    int at = authority.indexOf('@');
    return at < 0 ? authority : authority.substring(0, at);
  }

  /** The storage account: an {@code az://} location's setting, or the first label of the host. */
  private static Optional<String> account(Location location, Optional<String> setting) {
    if (location.scheme().equals(Location.AZ)) {
      return setting;
    }
    String host = location.authority().substring(location.authority().indexOf('@') + 1);
    if (!host.toLowerCase(Locale.ROOT).endsWith(AZURE_HOST_SUFFIX)) {
      return Optional.empty();
    }
    return Optional.of(host.substring(0, host.indexOf('.')));
  }

  private boolean coversKey(Location home, String key) {
    String path = home.path();
    if (ObjectGlob.isGlob(path)) {
      ObjectGlob glob = new ObjectGlob(home);
      String fixed = glob.prefix().path();
      Location object = new Location(home.scheme(), home.authority(), key);
      return key.startsWith(fixed)
          && glob.matches(object)
          && ofFormatUnlessNamed(path, key)
          && !ObjectFiles.hiddenBelow(key, fixed.length());
    }
    if (key.equals(path)) {
      return true;
    }
    String prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
    return key.startsWith(prefix)
        && key.endsWith("." + extension)
        && !ObjectFiles.hiddenBelow(key, prefix.length());
  }

  private boolean coversLocal(Path home, Path file) {
    Path fixed = LocalFiles.fixedPrefix(home);
    if (!fixed.equals(home)) {
      if (!file.startsWith(fixed) || file.equals(fixed)) {
        return false;
      }
      Path relative = fixed.relativize(file);
      Path rest = fixed.relativize(home);
      return FileSystems.getDefault().getPathMatcher("glob:" + rest).matches(relative)
          && ofFormatUnlessNamed(rest.toString(), file.toString())
          && !ObjectFiles.hiddenBelow(relative.toString(), 0);
    }
    if (file.equals(home)) {
      return true;
    }
    return file.startsWith(home)
        && file.getFileName().toString().endsWith("." + extension)
        && !ObjectFiles.hiddenBelow(home.relativize(file).toString(), 0);
  }

  /** A glob whose last part names no extension means objects of this format. */
  private boolean ofFormatUnlessNamed(String pattern, String key) {
    String last = pattern.substring(pattern.lastIndexOf('/') + 1);
    return last.contains(".") || key.endsWith("." + extension);
  }
}
